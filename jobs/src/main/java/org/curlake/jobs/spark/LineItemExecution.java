package org.curlake.jobs.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * The execution settings of the jobs that transform every line item: ingest and curate (and the
 * benchmark's floor copy and curate profile, so that they measure what those jobs run). They apply to
 * the session for the duration of the work and the session's own values are restored after it; a
 * setting given at launch ({@code spark-submit --conf}, or a {@code -Dspark.*} system property with
 * {@code ./lakehouse}) is left as given.
 *
 * <ul>
 *   <li>{@code spark.sql.codegen.wholeStage=false}: ingest's and curate's plans are wide (the bronze
 *   columns, the cost rules' case expressions, the tag matching), and the whole-stage generated code
 *   ran slower than Spark's expression-by-expression code: at 10M line items ingest took 0.76 and
 *   curate 0.87 of the time without it. Expressions are still compiled; only the fusing of a stage's
 *   operators into one generated method is off. The checks (Deequ's many-column aggregations) took 1.5
 *   times as long without it and analytics 1.07 times, so they keep the session's setting (README,
 *   Benchmarks).</li>
 * </ul>
 *
 * <p>Inside such a job, the work that aggregates the line items ({@link #aggregating}) runs with
 * whole-stage codegen on again: curate's two aggregations over 5M line items per tenant took 0.90 of
 * the time fused ({@code fct_cost_daily} and {@code fct_cost_by_tag}, 110.6 → 99.3 s for both tenants
 * at 10M), while its line-item projection ({@code focus_costs}) took 1.5 times as long (README, run I).
 */
public final class LineItemExecution {
  private static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
  private static final Map<String, String> SETTINGS = Map.of(WHOLE_STAGE_CODEGEN, "false");
  private static final Map<String, String> AGGREGATION_SETTINGS = Map.of(WHOLE_STAGE_CODEGEN, "true");

  private LineItemExecution() {}

  /** The settings to apply: all of them but those the launch configuration sets. */
  public static Map<String, String> settings(SparkConf launch) {
    return LaunchSettings.unlessLaunched(SETTINGS, launch);
  }

  /** The settings of {@link #aggregating}: all of them but those the launch configuration sets. */
  public static Map<String, String> aggregationSettings(SparkConf launch) {
    return LaunchSettings.unlessLaunched(AGGREGATION_SETTINGS, launch);
  }

  /** Runs {@code work} with the settings applied to {@code spark}, then restores the session's values. */
  public static <T> T run(SparkSession spark, Supplier<T> work) {
    return applying(spark, settings(spark.sparkContext().getConf()), work);
  }

  /**
   * Runs {@code work}, an aggregation of line items planned and executed inside {@link #run}, with
   * whole-stage codegen on; restores the job's settings after it.
   */
  public static <T> T aggregating(SparkSession spark, Supplier<T> work) {
    return applying(spark, aggregationSettings(spark.sparkContext().getConf()), work);
  }

  private static <T> T applying(SparkSession spark, Map<String, String> settings, Supplier<T> work) {
    RuntimeConfig conf = spark.conf();
    Map<String, String> previous = new LinkedHashMap<>();
    settings.keySet().forEach(key -> previous.put(key, conf.get(key, null)));
    settings.forEach(conf::set);
    try {
      return work.get();
    } finally {
      previous.forEach((key, value) -> {
        if (value == null) {
          conf.unset(key);
        } else {
          conf.set(key, value);
        }
      });
    }
  }
}
