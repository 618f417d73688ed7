package org.curlake.jobs.generate;

import java.time.YearMonth;
import java.util.Locale;

/**
 * One generated billing period.
 *
 * @param tenantId the tenant
 * @param period the billing period
 * @param path the period folder written (Hadoop path)
 * @param rows line items written (read back from the files)
 * @param files Parquet files written
 * @param seconds wall time of the period
 */
public record PeriodOutput(String tenantId, YearMonth period, String path, long rows, int files, double seconds) {
  public PeriodOutput {
    if (tenantId == null || period == null || path == null || rows < 0 || files < 0 || seconds < 0) {
      throw new IllegalArgumentException("invalid period output for " + tenantId + " " + period);
    }
  }

  /** generate tenant=acme period=2024-01 rows=100000 files=1 seconds=2.1 */
  public String progressLine() {
    return String.format(Locale.ROOT, "generate tenant=%s period=%s rows=%d files=%d seconds=%.1f", tenantId, period,
        rows, files, seconds);
  }
}
