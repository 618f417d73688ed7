package org.curlake.jobs.curate;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.curlake.jobs.ingest.RunStatus;

/**
 * What curating one tenant's billing period (or, with a null period, its tenant-wide marts) did.
 *
 * @param tenantId the tenant
 * @param billingPeriod the period, or null for the tenant-wide marts
 * @param status SUCCEEDED, FAILED, or SKIPPED when its inputs did not change since the last success
 * @param inputsFingerprint the fingerprint of the inputs (see {@link CurateInputs})
 * @param validRows bronze rows curated
 * @param quarantinedRows bronze rows that broke a validity rule
 * @param martRows rows written per mart
 * @param duration how long it took
 * @param error why it failed, or null
 */
public record CurateRun(
    String tenantId, String billingPeriod, RunStatus status, String inputsFingerprint, long validRows,
    long quarantinedRows, Map<String, Long> martRows, Duration duration, String error) {

  public CurateRun {
    martRows = Collections.unmodifiableMap(new TreeMap<>(martRows));
    if ((status == RunStatus.FAILED) != (error != null)) {
      throw new IllegalArgumentException("a curate run has an error exactly when it FAILED");
    }
  }

  public static CurateRun skipped(String tenantId, String billingPeriod, String fingerprint) {
    return new CurateRun(tenantId, billingPeriod, RunStatus.SKIPPED, fingerprint, 0, 0, Map.of(), Duration.ZERO, null);
  }

  public boolean failed() {
    return status == RunStatus.FAILED;
  }

  public boolean skipped() {
    return status == RunStatus.SKIPPED;
  }

  public String progressLine() {
    StringBuilder line = new StringBuilder("curate tenant=").append(tenantId)
        .append(" period=").append(billingPeriod == null ? "all" : billingPeriod)
        .append(" status=").append(status);
    if (billingPeriod != null && status == RunStatus.SUCCEEDED) {
      line.append(" valid_rows=").append(validRows).append(" quarantined_rows=").append(quarantinedRows);
    }
    martRows.forEach((mart, rows) -> line.append(' ').append(mart).append('=').append(rows));
    line.append(String.format(Locale.ROOT, " seconds=%.1f", duration.toMillis() / 1000.0));
    if (error != null) {
      line.append(" error=\"").append(error.replace("\"", "'")).append('"');
    }
    return line.toString();
  }
}
