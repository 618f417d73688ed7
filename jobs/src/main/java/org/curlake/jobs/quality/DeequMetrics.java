package org.curlake.jobs.quality;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.Compliance;
import com.amazon.deequ.analyzers.Size;
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
   * pass over the data for every period. Uniqueness groups the rows: it is first computed once over
   * all the periods, with billing_period as one more key column. When that is 1.0, every key is
   * unique within its period, so each period's uniqueness is exactly 1.0 too, provided the period has
   * rows and no row has all its key columns null (Deequ leaves such rows out of a period's groups,
   * where billing_period as a key keeps them in); both are measured in the same shared pass. Otherwise each period's uniqueness is
   * computed on its own rows, as it always was when a key repeats.
   *
   * @param periods billing periods ('YYYY-MM', checked), each a value of the data's billing_period
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static Map<String, Map<QualityCheck, Try<Object>>> computeByPeriod(Dataset<Row> data,
      List<QualityCheck> checks, List<String> periods) {
    List<QualityCheck> shared = checks.stream().filter(c -> c.metric() != QualityCheck.Metric.UNIQUENESS).toList();
    List<QualityCheck> grouping = checks.stream().filter(c -> c.metric() == QualityCheck.Metric.UNIQUENESS).toList();
    Map<String, Map<QualityCheck, Analyzer>> analyzers = new LinkedHashMap<>();
    Map<String, Analyzer> sizes = new LinkedHashMap<>();
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
      if (!grouping.isEmpty()) {
        sizes.put(period, new Size(where));
        builder = builder.addAnalyzer(sizes.get(period));
      }
    }
    Map<QualityCheck, Analyzer> keysPresent = new LinkedHashMap<>();
    Map<QualityCheck, Analyzer> acrossPeriods = new LinkedHashMap<>();
    for (QualityCheck check : grouping) {
      keysPresent.put(check, keysPresent(check));
      builder = builder.addAnalyzer(keysPresent.get(check));
      List<String> keyed = new java.util.ArrayList<>(List.of("billing_period"));
      keyed.addAll(check.columns());
      acrossPeriods.put(check, new Uniqueness(JavaConverters.asScalaBuffer(keyed).toSeq(), Option.empty(),
          Option.empty()));
      builder = builder.addAnalyzer(acrossPeriods.get(check));
    }
    AnalyzerContext context = builder.run();
    Map<QualityCheck, Try<Object>> across = values(context, acrossPeriods);
    Map<QualityCheck, Try<Object>> present = values(context, keysPresent);
    Map<String, Map<QualityCheck, Try<Object>>> values = new LinkedHashMap<>();
    for (String period : periods) {
      Map<QualityCheck, Try<Object>> ofPeriod = values(context, analyzers.get(period));
      boolean allUnique = !grouping.isEmpty() && positive(metric(context, sizes.get(period)))
          && grouping.stream().allMatch(check -> isOne(across.get(check)) && isOne(present.get(check)));
      Map<QualityCheck, Try<Object>> groupingValues = grouping.isEmpty() ? Map.of()
          : allUnique ? ones(grouping)
          : compute(data.where(org.apache.spark.sql.functions.col("billing_period").equalTo(period)), grouping);
      Map<QualityCheck, Try<Object>> ordered = new LinkedHashMap<>();
      for (QualityCheck check : checks) {
        ordered.put(check, groupingValues.containsKey(check) ? groupingValues.get(check) : ofPeriod.get(check));
      }
      values.put(period, ordered);
    }
    return values;
  }

  /** The fraction of rows with at least one of the check's key columns not null (Deequ groups only those). */
  private static Compliance keysPresent(QualityCheck check) {
    String predicate = check.columns().stream().map(DeequMetrics::quoted).map(c -> c + " is not null")
        .collect(java.util.stream.Collectors.joining(" or "));
    return new Compliance(check.id() + " keys present", predicate, Option.empty(),
        JavaConverters.asScalaBuffer(check.columns()).toList(), Option.empty());
  }

  private static boolean isOne(Try<Object> value) {
    return value.isSuccess() && ((Number) value.get()).doubleValue() == 1.0;
  }

  private static boolean positive(Try<Object> value) {
    return value.isSuccess() && ((Number) value.get()).doubleValue() > 0;
  }

  private static Map<QualityCheck, Try<Object>> ones(List<QualityCheck> checks) {
    Map<QualityCheck, Try<Object>> ones = new LinkedHashMap<>();
    checks.forEach(check -> ones.put(check, new scala.util.Success<>(1.0)));
    return ones;
  }

  private static final java.util.regex.Pattern PERIOD = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}");

  private static Map<QualityCheck, Try<Object>> values(AnalyzerContext context, Map<QualityCheck, Analyzer> analyzers) {
    Map<QualityCheck, Try<Object>> values = new LinkedHashMap<>();
    analyzers.forEach((check, analyzer) -> values.put(check, metric(context, analyzer)));
    return values;
  }

  /** The analyzer's value in {@code context}, or the error Deequ reported for it. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Try<Object> metric(AnalyzerContext context, Analyzer analyzer) {
    Option<Metric<?>> metric = context.metric(analyzer);
    if (metric.isEmpty() || !(metric.get() instanceof DoubleMetric doubleMetric)) {
      return new scala.util.Failure<>(new IllegalStateException("Deequ computed no metric"));
    }
    return (Try) doubleMetric.value();
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
