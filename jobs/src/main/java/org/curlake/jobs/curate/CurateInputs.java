package org.curlake.jobs.curate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.curlake.config.TenantConfig;
import org.curlake.quality.ValidityRule;

/**
 * Everything a period's marts are a function of: the bronze delivery (the ingest run that last
 * replaced the partition), the tenant's config, the validity rules and the SQL of every model. When
 * none of them changed since the last successful curation, the period is skipped: re-running costs
 * what changed, not the whole history.
 */
public final class CurateInputs {
  private CurateInputs() {}

  /**
   * @param bronzeVersion identifies the bronze partition's content (the last successful ingest run of
   *     the period), or the tenant's latest such runs for the tenant-wide marts
   */
  public static String fingerprint(String bronzeVersion, TenantConfig tenant, List<ValidityRule> rules,
      List<String> models) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, bronzeVersion);
      update(digest, tenant.toString());
      update(digest, rules.toString());
      for (String model : models) {
        update(digest, model);
        update(digest, SqlModel.load(model).sql());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static void update(MessageDigest digest, String value) {
    digest.update(value.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
