package org.curlake.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.SharedSpark;
import org.junit.jupiter.api.Test;

public class LineItemExecutionTest {
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";

  @Test
  void theSettingsApplyWhenTheLaunchDoesNotGiveThem() {
    assertEquals(Map.of(WHOLE_STAGE, "false"), LineItemExecution.settings(new SparkConf(false)));
  }

  @Test
  void aSettingGivenAtLaunchIsLeftAsGiven() {
    SparkConf launch = new SparkConf(false).set(WHOLE_STAGE, "true");
    assertTrue(LineItemExecution.settings(launch).isEmpty(), "spark-submit --conf / -Dspark.* must win");
  }

  @Test
  void queriesPlannedInsideRunWithoutWholeStageCodegenAndTheSessionIsRestoredAfter() {
    SparkSession spark = SharedSpark.session();
    assertNull(spark.conf().get(WHOLE_STAGE, null), "the shared session does not set it");
    assertTrue(fused(spark), "outside: whole-stage codegen, Spark's default");
    boolean fusedInside = LineItemExecution.run(spark, () -> fused(spark));
    assertFalse(fusedInside, "inside: no whole-stage codegen");
    assertNull(spark.conf().get(WHOLE_STAGE, null), "unset again after the work");
    assertTrue(fused(spark));
  }

  @Test
  void aggregationsInsideALineItemJobArePlannedWithWholeStageCodegenAndTheJobsSettingIsRestoredAfter() {
    SparkSession spark = SharedSpark.session();
    boolean[] fused = new boolean[3];
    LineItemExecution.run(spark, () -> {
      fused[0] = fused(spark);
      fused[1] = LineItemExecution.aggregating(spark, () -> fused(spark));
      fused[2] = fused(spark);
      return null;
    });
    assertFalse(fused[0], "the line-item job: no whole-stage codegen");
    assertTrue(fused[1], "its aggregation: whole-stage codegen");
    assertFalse(fused[2], "after the aggregation, the job's setting again");
    assertNull(spark.conf().get(WHOLE_STAGE, null), "unset after the job");
  }

  @Test
  void anAggregationSettingGivenAtLaunchIsLeftAsGiven() {
    assertEquals(Map.of(WHOLE_STAGE, "true"), LineItemExecution.aggregationSettings(new SparkConf(false)));
    SparkConf launch = new SparkConf(false).set(WHOLE_STAGE, "false");
    assertTrue(LineItemExecution.aggregationSettings(launch).isEmpty(), "spark-submit --conf / -Dspark.* must win");
  }

  @Test
  void theSessionsOwnValueIsRestoredAlsoWhenTheWorkFails() {
    SparkSession spark = SharedSpark.session();
    spark.conf().set(WHOLE_STAGE, "true");
    try {
      assertThrows(IllegalStateException.class, () -> LineItemExecution.run(spark, () -> {
        throw new IllegalStateException("the work failed");
      }));
      assertEquals("true", spark.conf().get(WHOLE_STAGE, null));
    } finally {
      spark.conf().unset(WHOLE_STAGE);
    }
  }

  /** Whether a simple projection is planned as a whole-stage generated stage ("*(1) Project ..."). */
  public static boolean fused(SparkSession spark) {
    return spark.range(10).selectExpr("id * 2 as doubled").queryExecution().executedPlan().toString().contains("*(");
  }
}
