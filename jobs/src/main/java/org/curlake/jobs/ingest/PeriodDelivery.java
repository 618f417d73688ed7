package org.curlake.jobs.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The files delivered for one billing period of one tenant, in path order. */
public record PeriodDelivery(BillingPeriod period, List<SourceFile> files) {
  public PeriodDelivery {
    files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
  }

  public List<String> paths() {
    return files.stream().map(SourceFile::path).toList();
  }

  /**
   * Identifies this delivery: a hash of every file's path, size and modification time. An
   * unchanged delivery has the same fingerprint, so ingest can skip it.
   */
  public String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (SourceFile file : files) {
        digest.update((file.path() + '\0' + file.size() + '\0' + file.modificationTime() + '\n')
            .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
