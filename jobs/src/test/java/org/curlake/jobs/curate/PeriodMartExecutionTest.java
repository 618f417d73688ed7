package org.curlake.jobs.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    assertFalse(fused(spark) && spark.conf().contains("spark.sql.codegen.wholeStage"),
        "the session's own setting is back after curate");
  }

  private static boolean fused(SparkSession spark) {
    return spark.range(10).selectExpr("id * 2 as doubled").queryExecution().executedPlan().toString().contains("*(");
  }
}
