package org.curlake.jobs.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastBacktestTest {
  private static final String AQE = "spark.sql.adaptive.enabled";

  @TempDir Path lake;

  @Test
  void theBacktestPlansWithoutAdaptiveExecutionInASessionOfItsOwn() {
    SparkSession caller = SharedSpark.session();
    SparkSession backtest = new ForecastBacktest(caller, lake.toString()).session();
    assertNotSame(caller, backtest);
    assertEquals("false", backtest.conf().get(AQE));
    assertEquals("true", caller.conf().get(AQE), "the caller's session keeps Spark's default");
  }

  @Test
  void aSettingGivenAtLaunchIsLeftAsGiven() {
    assertEquals(Map.of(AQE, "false"), ForecastBacktest.settings(new SparkConf(false)));
    assertTrue(ForecastBacktest.settings(new SparkConf(false).set(AQE, "true")).isEmpty(),
        "spark-submit --conf / -Dspark.* must win");
  }
}
