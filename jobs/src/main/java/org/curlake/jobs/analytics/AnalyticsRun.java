package org.curlake.jobs.analytics;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.curlake.jobs.ingest.RunStatus;

/**
 * The outcome of the analytics of one tenant's billing period.
 *
 * @param written rows written per table
 * @param budgetStatus OK, WARN or EXCEEDED; null when the tenant has no budget or the run failed
 */
public record AnalyticsRun(String tenantId, String period, LocalDate asOf, RunStatus status,
    Map<String, Long> written, String budgetStatus, String error) {

  public boolean failed() {
    return status == RunStatus.FAILED;
  }

  /** One logfmt progress line. */
  public String progressLine() {
    String tables = written.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
    return "analytics tenant=" + tenantId + " period=" + period + " as_of=" + asOf + " status=" + status
        + (tables.isEmpty() ? "" : " " + tables)
        + (budgetStatus == null ? "" : " budget=" + budgetStatus)
        + (error == null ? "" : " error=\"" + error.replace("\"", "'") + "\"");
  }
}
