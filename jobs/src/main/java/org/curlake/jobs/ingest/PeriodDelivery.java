package org.curlake.jobs.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The files delivered for one billing period of one tenant, in path order.
 *
 * @param manifest the manifest that chose the files, when the source delivers manifests
 * @param problem why the period cannot be ingested, found while discovering it (e.g. its manifest
 *     lists a missing file); the period then fails alone
 */
public record PeriodDelivery(BillingPeriod period, List<SourceFile> files, Optional<String> manifest,
    Optional<String> problem) {
  public PeriodDelivery {
    files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
  }

  /** The files found for a period in Hive partition folders (no manifest). */
  public PeriodDelivery(BillingPeriod period, List<SourceFile> files) {
    this(period, files, Optional.empty(), Optional.empty());
  }

  /** A period that cannot be ingested, and why. */
  public static PeriodDelivery failed(BillingPeriod period, Optional<String> manifest, String problem) {
    return new PeriodDelivery(period, List.of(), manifest, Optional.of(problem));
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
