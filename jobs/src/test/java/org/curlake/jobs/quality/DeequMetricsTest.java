package org.curlake.jobs.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curlake.jobs.SharedSpark;
import org.curlake.quality.QualityCheck;
import org.junit.jupiter.api.Test;
import scala.util.Try;

/**
 * The checks of several periods computed together equal each period's checks computed on its own
 * rows: uniqueness is first computed over all periods at once, and that shortcut must give each
 * period exactly the value Deequ gives it alone, whether every key is unique, one repeats, a row has
 * no key at all, or a period has no rows.
 */
class DeequMetricsTest {
  private static final StructType SCHEMA = new StructType()
      .add("billing_period", DataTypes.StringType, false)
      .add("id", DataTypes.StringType, true)
      .add("interval", DataTypes.StringType, true)
      .add("amount", DataTypes.DoubleType, true);
  private static final List<QualityCheck> CHECKS = List.of(
      new QualityCheck("unique_id", "t", QualityCheck.Metric.UNIQUENESS, List.of("id", "interval"), 1.0,
          QualityCheck.Severity.ERROR),
      new QualityCheck("id_complete", "t", QualityCheck.Metric.COMPLETENESS, List.of("id"), 1.0,
          QualityCheck.Severity.ERROR),
      new QualityCheck("amount_non_negative", "t", QualityCheck.Metric.NON_NEGATIVE, List.of("amount"), 1.0,
          QualityCheck.Severity.ERROR));

  private final SparkSession spark = SharedSpark.session();

  @Test
  void everyKeyUniqueGivesEachPeriodOne() {
    Dataset<Row> data = rows(
        row("2024-01", "a", "i1", 1.0), row("2024-01", "b", "i1", 2.0),
        // The same key in another period is still unique within each period.
        row("2024-02", "a", "i1", 1.0), row("2024-02", "c", null, -1.0));
    Map<String, Map<QualityCheck, Try<Object>>> together = assertSameAsAlone(data, List.of("2024-01", "2024-02"));
    together.values().forEach(ofPeriod -> assertEquals(1.0, ofPeriod.get(CHECKS.get(0)).get()));
  }

  @Test
  void aRepeatedKeyIsFoundInItsPeriodOnly() {
    Dataset<Row> data = rows(
        row("2024-01", "a", "i1", 1.0), row("2024-01", "b", "i1", 2.0),
        row("2024-02", "a", "i1", 1.0), row("2024-02", "a", "i1", 3.0), row("2024-02", "b", "i1", 3.0));
    Map<String, Map<QualityCheck, Try<Object>>> together = assertSameAsAlone(data, List.of("2024-01", "2024-02"));
    assertEquals(1.0, together.get("2024-01").get(CHECKS.get(0)).get());
    assertEquals(1.0 / 3, (Double) together.get("2024-02").get(CHECKS.get(0)).get(), 1e-12);
  }

  @Test
  void rowsWithoutAnyKeyAndEmptyPeriodsAreComputedAsAlone() {
    Dataset<Row> data = rows(
        row("2024-01", "a", "i1", 1.0), row("2024-01", null, null, 2.0),
        row("2024-02", "a", "i1", 1.0));
    Map<String, Map<QualityCheck, Try<Object>>> together =
        assertSameAsAlone(data, List.of("2024-01", "2024-02", "2024-03"));
    assertEquals("no value", describe(together.get("2024-03").get(CHECKS.get(0))));
    assertEquals("value 0.5", describe(together.get("2024-01").get(CHECKS.get(1))));
  }

  /** Computes the periods together and each alone; asserts every value is the same; returns the together ones. */
  private Map<String, Map<QualityCheck, Try<Object>>> assertSameAsAlone(Dataset<Row> data, List<String> periods) {
    Map<String, Map<QualityCheck, Try<Object>>> together = DeequMetrics.computeByPeriod(data, CHECKS, periods);
    assertEquals(periods, new ArrayList<>(together.keySet()));
    for (String period : periods) {
      Map<QualityCheck, Try<Object>> alone = DeequMetrics.compute(data.where(data.col("billing_period").equalTo(period)),
          CHECKS);
      for (QualityCheck check : CHECKS) {
        assertEquals(describe(alone.get(check)), describe(together.get(period).get(check)), period + " " + check.id());
      }
    }
    return together;
  }

  /**
   * A value, or "no value": Deequ reports a metric of no rows as a failure when the data is empty and
   * as NaN when a filter of a larger run selects nothing; neither is a measured value.
   */
  private static String describe(Try<Object> value) {
    return value.isFailure() || Double.isNaN(((Number) value.get()).doubleValue()) ? "no value" : "value " + value.get();
  }

  private Dataset<Row> rows(Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }

  private static Row row(String period, String id, String interval, Double amount) {
    return RowFactory.create(period, id, interval, amount);
  }
}
