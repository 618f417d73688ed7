package org.curlake.jobs.curate;

import java.time.Duration;
import java.util.Locale;

/**
 * What curating one tenant's billing period (or, with a null period, its tenant-wide marts) did.
 *
 * @param tenantId the tenant
 * @param billingPeriod the period, or null for the tenant-wide marts
 * @param validRows bronze rows curated
 * @param quarantinedRows bronze rows that broke a validity rule
 * @param martRows rows written per mart
 * @param duration how long it took
 * @param error why it failed, or null
 */
public record CurateRun(
    String tenantId, String billingPeriod, long validRows, long quarantinedRows,
    java.util.Map<String, Long> martRows, Duration duration, String error) {

  public CurateRun {
    martRows = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(martRows));
  }

  public boolean failed() {
    return error != null;
  }

  public String progressLine() {
    StringBuilder line = new StringBuilder("curate tenant=").append(tenantId)
        .append(" period=").append(billingPeriod == null ? "all" : billingPeriod)
        .append(" status=").append(failed() ? "FAILED" : "SUCCEEDED");
    if (billingPeriod != null) {
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
