package org.curlake.jobs.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One ingest attempt of one tenant's billing period: a row of the {@code ingest_runs} table.
 *
 * @param runId the id shared by every period of one ingest invocation
 * @param tenantId the tenant
 * @param billingPeriod the period, or null when the tenant failed before periods were known
 * @param sourceFormat the export format read, or null when not known
 * @param sourceFiles the delivered files read (or that would have been read)
 * @param deliveryFingerprint hash of the files' paths, sizes and times; null when not known
 * @param rowsIn rows in the delivered files (from Parquet footers)
 * @param rowsWritten rows committed to bronze (from the Delta commit's metrics)
 * @param startedAt when the attempt started
 * @param endedAt when it ended
 * @param status how it ended
 * @param error why it failed, naming tenant, period, file and problem; null unless FAILED
 */
public record IngestRun(
    String runId,
    String tenantId,
    String billingPeriod,
    String sourceFormat,
    List<String> sourceFiles,
    String deliveryFingerprint,
    long rowsIn,
    long rowsWritten,
    Instant startedAt,
    Instant endedAt,
    RunStatus status,
    String error) {

  public IngestRun {
    sourceFiles = List.copyOf(sourceFiles);
    if ((status == RunStatus.FAILED) != (error != null)) {
      throw new IllegalArgumentException("a run has an error exactly when it FAILED");
    }
  }

  public Duration duration() {
    return Duration.between(startedAt, endedAt);
  }

  /** One progress line, logfmt style. */
  public String progressLine() {
    StringBuilder line = new StringBuilder("ingest tenant=").append(tenantId)
        .append(" period=").append(billingPeriod == null ? "-" : billingPeriod)
        .append(" status=").append(status)
        .append(" files=").append(sourceFiles.size())
        .append(" rows_in=").append(rowsIn)
        .append(" rows_written=").append(rowsWritten)
        .append(String.format(java.util.Locale.ROOT, " seconds=%.1f", duration().toMillis() / 1000.0));
    if (error != null) {
      line.append(" error=\"").append(error.replace("\"", "'")).append('"');
    }
    return line.toString();
  }
}
