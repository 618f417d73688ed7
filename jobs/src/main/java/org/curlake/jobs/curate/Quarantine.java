package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curlake.quality.ValidityRule;

/**
 * Applies the validity rules to bronze rows: pure functions that tag each row with the ids of the
 * rules it breaks. Rows with no broken rule are curated; the others go to the quarantine table
 * with their reasons, so no row is ever silently dropped.
 */
public final class Quarantine {
  public static final String REASONS = "quarantine_reasons";

  private Quarantine() {}

  /** The rows with a {@code quarantine_reasons} array column (empty when the row is valid). */
  public static Dataset<Row> withReasons(Dataset<Row> bronze, List<ValidityRule> rules) {
    List<Column> checks = new ArrayList<>();
    for (ValidityRule rule : rules) {
      checks.add(when(violated(rule), lit(rule.id())));
    }
    Column reasons = checks.isEmpty()
        ? array().cast("array<string>")
        : filter(array(checks.toArray(Column[]::new)), reason -> reason.isNotNull());
    return bronze.withColumn(REASONS, reasons);
  }

  public static Dataset<Row> valid(Dataset<Row> withReasons) {
    return withReasons.where(size(col(REASONS)).equalTo(0)).drop(REASONS);
  }

  public static Dataset<Row> quarantined(Dataset<Row> withReasons) {
    return withReasons.where(size(col(REASONS)).gt(0));
  }

  /**
   * Period → {valid rows, quarantined rows} of rows tagged by {@link #withReasons}, in one
   * aggregation (one Spark job for every period of a pass).
   */
  public static java.util.Map<String, long[]> countsByPeriod(Dataset<Row> withReasons) {
    java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
    Column isValid = when(size(col(REASONS)).equalTo(0), lit(1L)).otherwise(lit(0L));
    withReasons.groupBy(col("billing_period"))
        .agg(org.apache.spark.sql.functions.sum(isValid), org.apache.spark.sql.functions.count(lit(1)))
        .collectAsList()
        .forEach(row -> counts.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2) - row.getLong(1)}));
    return counts;
  }

  static Column violated(ValidityRule rule) {
    Column value = col(rule.column());
    return switch (rule.kind()) {
      case NOT_NULL -> value.isNull();
      case MATCHES -> value.isNull().or(value.cast("string").rlike(rule.pattern()).unary_$bang());
      case NOT_NEGATIVE -> value.lt(0);
      case WITHIN_BILLING_PERIOD -> {
        Column start = to_timestamp(concat(col("billing_period"), lit("-01")));
        Column end = to_timestamp(add_months(start, 1));
        yield value.lt(start).or(value.geq(end));
      }
    };
  }
}
