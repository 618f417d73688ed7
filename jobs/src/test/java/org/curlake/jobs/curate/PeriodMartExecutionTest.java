package org.curlake.jobs.curate;

import static org.curlake.jobs.spark.LineItemExecutionTest.fused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.spark.LineItemExecution;
import org.junit.jupiter.api.Test;

/** Curate writes its aggregations with whole-stage codegen and focus_costs without (LineItemExecution). */
class PeriodMartExecutionTest {
  @Test
  void theAggregationsArePeriodMarts() {
    assertTrue(CurateJob.PERIOD_MARTS.keySet().containsAll(CurateJob.PERIOD_AGGREGATIONS),
        CurateJob.PERIOD_AGGREGATIONS + " must be among " + CurateJob.PERIOD_MARTS.keySet());
  }

  @Test
  void eachPeriodMartIsWrittenWithTheSettingOfItsKind() {
    SparkSession spark = SharedSpark.session();
    Map<String, Boolean> fused = LineItemExecution.run(spark, () -> {
      Map<String, Boolean> planned = new TreeMap<>();
      CurateJob.PERIOD_MARTS.keySet().forEach(mart ->
          planned.put(mart, CurateJob.writingMart(spark, mart, () -> fused(spark))));
      return planned;
    });
    assertEquals(Map.of("fct_cost_by_tag", true, "fct_cost_daily", true, "focus_costs", false), fused);
    assertNull(spark.conf().get("spark.sql.codegen.wholeStage", null), "the shared session's own (unset) value is back");
    assertTrue(fused(spark), "Spark's default after the job");
  }
}
