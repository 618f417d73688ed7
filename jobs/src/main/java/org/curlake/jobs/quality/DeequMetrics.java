package org.curlake.jobs.quality;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.Compliance;
import com.amazon.deequ.analyzers.Uniqueness;
import com.amazon.deequ.analyzers.runners.AnalysisRunner;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curlake.quality.QualityCheck;
import scala.Option;
import scala.collection.JavaConverters;
import scala.util.Try;

/**
 * Computes the Deequ metrics of a set of checks on one dataset in a single Deequ analysis run
 * (one pass over the data for all of them). Column names come from the validated rules config
 * (identifiers only) and are quoted.
 */
public final class DeequMetrics {
  private DeequMetrics() {}

  /** True for metrics Deequ computes; the others are computed by {@link CheckJob}. */
  public static boolean computedByDeequ(QualityCheck.Metric metric) {
    return switch (metric) {
      case COMPLETENESS, UNIQUENESS, NON_NEGATIVE, WITHIN_BILLING_PERIOD -> true;
      default -> false;
    };
  }

  /** Each check's metric value, or the error Deequ reported for it. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static Map<QualityCheck, Try<Object>> compute(Dataset<Row> data, List<QualityCheck> checks) {
    Map<QualityCheck, Analyzer> analyzers = new LinkedHashMap<>();
    for (QualityCheck check : checks) {
      analyzers.put(check, analyzer(check));
    }
    var builder = AnalysisRunner.onData(data);
    for (Analyzer analyzer : analyzers.values()) {
      builder = builder.addAnalyzer(analyzer);
    }
    return values(builder.run(), analyzers);
  }

  /**
   * Each period's metric values of the checks over the data of all the periods. The scan-shareable
   * metrics (completeness, compliance) are filtered per period and computed in one Deequ run, one
   * pass over the data for every period; uniqueness groups the rows, so it runs on each period's
   * rows on their own (a grouping pass per period either way).
   *
   * @param periods billing periods ('YYYY-MM', checked), each a value of the data's billing_period
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static Map<String, Map<QualityCheck, Try<Object>>> computeByPeriod(Dataset<Row> data,
      List<QualityCheck> checks, List<String> periods) {
    List<QualityCheck> shared = checks.stream().filter(c -> c.metric() != QualityCheck.Metric.UNIQUENESS).toList();
    List<QualityCheck> grouping = checks.stream().filter(c -> c.metric() == QualityCheck.Metric.UNIQUENESS).toList();
    Map<String, Map<QualityCheck, Analyzer>> analyzers = new LinkedHashMap<>();
    var builder = AnalysisRunner.onData(data);
    for (String period : periods) {
      if (!PERIOD.matcher(period).matches()) {
        throw new IllegalArgumentException("billing period '" + period + "' is not YYYY-MM");
      }
      Option<String> where = Option.apply("billing_period = '" + period + "'");
      Map<QualityCheck, Analyzer> ofPeriod = new LinkedHashMap<>();
      for (QualityCheck check : shared) {
        Analyzer analyzer = analyzer(check, where);
        ofPeriod.put(check, analyzer);
        builder = builder.addAnalyzer(analyzer);
      }
      analyzers.put(period, ofPeriod);
    }
    Map<String, Map<QualityCheck, Try<Object>>> sharedValues = new LinkedHashMap<>();
    if (!shared.isEmpty()) {
      AnalyzerContext context = builder.run();
      analyzers.forEach((period, ofPeriod) -> sharedValues.put(period, values(context, ofPeriod)));
    }
    Map<String, Map<QualityCheck, Try<Object>>> values = new LinkedHashMap<>();
    for (String period : periods) {
      Map<QualityCheck, Try<Object>> groupingValues = grouping.isEmpty() ? Map.of()
          : compute(data.where(org.apache.spark.sql.functions.col("billing_period").equalTo(period)), grouping);
      Map<QualityCheck, Try<Object>> ofPeriod = new LinkedHashMap<>();
      for (QualityCheck check : checks) {
        ofPeriod.put(check, groupingValues.containsKey(check) ? groupingValues.get(check)
            : sharedValues.get(period).get(check));
      }
      values.put(period, ofPeriod);
    }
    return values;
  }

  private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}");

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Map<QualityCheck, Try<Object>> values(AnalyzerContext context, Map<QualityCheck, Analyzer> analyzers) {
    Map<QualityCheck, Try<Object>> values = new LinkedHashMap<>();
    analyzers.forEach((check, analyzer) -> {
      Option<Metric<?>> metric = context.metric(analyzer);
      if (metric.isEmpty() || !(metric.get() instanceof DoubleMetric doubleMetric)) {
        values.put(check, new scala.util.Failure<>(new IllegalStateException("Deequ computed no metric")));
      } else {
        values.put(check, (Try) doubleMetric.value());
      }
    });
    return values;
  }

  @SuppressWarnings("rawtypes")
  private static Analyzer analyzer(QualityCheck check) {
    return analyzer(check, Option.empty());
  }

  @SuppressWarnings("rawtypes")
  private static Analyzer analyzer(QualityCheck check, Option<String> where) {
    List<String> columns = check.columns();
    return switch (check.metric()) {
      case COMPLETENESS -> new Completeness(columns.get(0), where, Option.empty());
      case UNIQUENESS -> new Uniqueness(JavaConverters.asScalaBuffer(columns).toSeq(), where, Option.empty());
      case NON_NEGATIVE -> compliance(check, "coalesce(" + quoted(columns.get(0)) + ", 0) >= 0", where);
      case WITHIN_BILLING_PERIOD -> compliance(check, quoted(columns.get(0)) + " is null or ("
          + quoted(columns.get(0)) + " >= to_timestamp(concat(billing_period, '-01')) and "
          + quoted(columns.get(0)) + " < add_months(to_timestamp(concat(billing_period, '-01')), 1))", where);
      default -> throw new IllegalArgumentException(check.metric() + " is not a Deequ metric");
    };
  }

  private static Compliance compliance(QualityCheck check, String predicate, Option<String> where) {
    return new Compliance(check.id(), predicate, where,
        JavaConverters.asScalaBuffer(check.columns()).toList(), Option.empty());
  }

  private static String quoted(String column) {
    return "`" + column + "`";
  }
}
