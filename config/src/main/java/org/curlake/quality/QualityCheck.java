package org.curlake.quality;

import java.util.List;
import org.curlake.config.InvalidFieldException;

/**
 * A data-quality check run per tenant and billing period; its metric is recorded in
 * {@code dq_results} and compared with {@code min}.
 *
 * @param id the check's id
 * @param table the lake table it runs on (its catalogue name, e.g. cur_line_items)
 * @param metric what is measured
 * @param columns the columns measured (none for table-level metrics)
 * @param min the lowest passing metric value (ratios are 0..1; reconciliation is 1 when it holds)
 * @param severity ERROR fails the check run; WARNING is reported only
 */
public record QualityCheck(String id, String table, Metric metric, List<String> columns, double min, Severity severity) {
  /** What a check measures. */
  public enum Metric {
    /** Share of rows where the column is not null (Deequ Completeness). */
    COMPLETENESS(1),
    /** Share of the column combination's values that occur once (Deequ Uniqueness). */
    UNIQUENESS(-1),
    /** Share of rows where the column is zero or positive (Deequ Compliance). */
    NON_NEGATIVE(1),
    /** Share of rows whose timestamp column falls inside their billing_period partition (Deequ Compliance). */
    WITHIN_BILLING_PERIOD(1),
    /** 1 when the table's rows equal the rows the latest ingest read from the source files, else 0. */
    ROW_COUNT_MATCHES_SOURCE(0),
    /** 1 when the table's unblended cost plus quarantined cost equals bronze's, to the cent, else 0. */
    COST_RECONCILES(0);

    private final int columnCount;

    Metric(int columnCount) {
      this.columnCount = columnCount;
    }

    /** How many columns the metric takes: an exact count, or -1 for one or more. */
    public int columnCount() {
      return columnCount;
    }
  }

  /** How much a failed check matters. */
  public enum Severity { ERROR, WARNING }

  public QualityCheck {
    QualityNames.requireId("id", id);
    QualityNames.requireColumn("table", table);
    if (metric == null) {
      throw new InvalidFieldException("metric", "is required");
    }
    columns = List.copyOf(columns == null ? List.of() : columns);
    columns.forEach(column -> QualityNames.requireColumn("columns", column));
    int expected = metric.columnCount();
    if (expected >= 0 && columns.size() != expected) {
      throw new InvalidFieldException("columns", metric.name().toLowerCase() + " takes " + expected
          + " column(s), got " + columns.size());
    }
    if (expected < 0 && columns.isEmpty()) {
      throw new InvalidFieldException("columns", metric.name().toLowerCase() + " takes at least one column");
    }
    if (Double.isNaN(min) || min < 0 || min > 1) {
      throw new InvalidFieldException("min", "must be between 0 and 1 (got " + min + ")");
    }
    if (severity == null) {
      throw new InvalidFieldException("severity", "is required");
    }
  }
}
