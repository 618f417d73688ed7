package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curlake.quality.ValidityRule;

/**
 * Applies the validity rules to bronze rows: pure functions. A row that breaks no rule is curated; the
 * others go to the quarantine table with the ids of the rules they break as reasons, so no row is
 * ever silently dropped. Validity is one boolean predicate per row (the curated rows never need their
 * reasons); the reasons are computed for the quarantined rows only.
 */
public final class Quarantine {
  public static final String REASONS = "quarantine_reasons";

  private Quarantine() {}

  /** The rows that break none of the rules. */
  public static Dataset<Row> valid(Dataset<Row> bronze, List<ValidityRule> rules) {
    return bronze.where(isValid(rules));
  }

  /** The rows that break a rule, with a {@code quarantine_reasons} array column: the ids of the rules they break. */
  public static Dataset<Row> quarantined(Dataset<Row> bronze, List<ValidityRule> rules) {
    return withReasons(bronze.where(not(isValid(rules))), rules);
  }

  /** The rows with a {@code quarantine_reasons} array column (empty when the row is valid). */
  static Dataset<Row> withReasons(Dataset<Row> bronze, List<ValidityRule> rules) {
    List<Column> checks = new ArrayList<>();
    for (ValidityRule rule : rules) {
      checks.add(when(violated(rule), lit(rule.id())));
    }
    Column reasons = checks.isEmpty()
        ? array().cast("array<string>")
        : filter(array(checks.toArray(Column[]::new)), reason -> reason.isNotNull());
    return bronze.withColumn(REASONS, reasons);
  }

  /** True when the row breaks no rule; a rule whose test is null (e.g. a null compared) is not broken. */
  static Column isValid(List<ValidityRule> rules) {
    Column broken = lit(false);
    for (ValidityRule rule : rules) {
      broken = broken.or(coalesce(violated(rule), lit(false)));
    }
    return not(broken);
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
