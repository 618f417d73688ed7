package org.curlake.jobs.quality;

import java.time.Instant;
import java.util.List;
import org.curlake.quality.QualityCheck;

/**
 * One check's outcome for one tenant and billing period: a row of {@code dq_results}.
 *
 * @param runId the check run
 * @param tenantId the tenant
 * @param billingPeriod the period checked
 * @param checkId the check's id from config/quality/rules.yaml
 * @param table the table checked
 * @param metric what was measured
 * @param columns the columns measured
 * @param status PASS, FAIL (an error-severity check below its minimum), WARN (a warning-severity
 *     one) or ERROR (the metric could not be computed)
 * @param value the metric's value, null when it could not be computed
 * @param threshold the minimum passing value
 * @param message what the value means, or why it could not be computed
 * @param checkedAt when
 */
public record DqResult(
    String runId, String tenantId, String billingPeriod, String checkId, String table, String metric,
    List<String> columns, Status status, Double value, double threshold, String message, Instant checkedAt) {

  /** How a check ended. */
  public enum Status { PASS, FAIL, WARN, ERROR }

  public DqResult {
    columns = List.copyOf(columns);
  }

  /** The result of a measured value against the check's minimum. */
  public static DqResult measured(String runId, String tenant, String period, QualityCheck check, double value,
      String message, Instant at) {
    Status status = value >= check.min() ? Status.PASS
        : check.severity() == QualityCheck.Severity.ERROR ? Status.FAIL : Status.WARN;
    return new DqResult(runId, tenant, period, check.id(), check.table(), check.metric().name().toLowerCase(),
        check.columns(), status, value, check.min(), message, at);
  }

  /** A check whose metric could not be computed. */
  public static DqResult error(String runId, String tenant, String period, QualityCheck check, String message,
      Instant at) {
    return new DqResult(runId, tenant, period, check.id(), check.table(), check.metric().name().toLowerCase(),
        check.columns(), Status.ERROR, null, check.min(), message, at);
  }

  public boolean failed() {
    return status == Status.FAIL || status == Status.ERROR;
  }

  public String progressLine() {
    return String.format(java.util.Locale.ROOT, "check tenant=%s period=%s check=%s status=%s value=%s min=%s%s",
        tenantId, billingPeriod, checkId, status, value == null ? "-" : String.format(java.util.Locale.ROOT, "%.6f", value),
        threshold, message == null ? "" : " message=\"" + message.replace("\"", "'") + "\"");
  }
}
