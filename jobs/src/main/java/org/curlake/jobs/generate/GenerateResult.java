package org.curlake.jobs.generate;

import java.util.List;
import org.curlake.config.SourceFormat;

/**
 * What a {@link GenerateJob} run wrote.
 *
 * @param tenantId the tenant
 * @param format the export format written
 * @param output the output root
 * @param periods one entry per billing period, in order
 * @param seconds wall time of the whole run
 */
public record GenerateResult(String tenantId, SourceFormat format, String output, List<PeriodOutput> periods,
    double seconds) {
  public GenerateResult {
    periods = List.copyOf(periods);
  }

  public long totalRows() {
    return periods.stream().mapToLong(PeriodOutput::rows).sum();
  }

  public int totalFiles() {
    return periods.stream().mapToInt(PeriodOutput::files).sum();
  }
}
