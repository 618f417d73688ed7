package org.curlake.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.SharedSpark;
import org.junit.jupiter.api.Test;

/** The sessions keep more compiled classes than one run's distinct queries: repeated plans are not compiled again. */
class CompiledCodeCacheTest {
  /** More distinct queries than Spark's default cache of 100 classes holds. */
  private static final int QUERIES = 150;

  @Test
  void queriesRunAgainReuseTheirCompiledCode() {
    SparkSession spark = SharedSpark.session();
    assertEquals("1000", spark.conf().get(SparkSessions.CODEGEN_CACHE_ENTRIES));
    long first = compilations(() -> runQueries(spark));
    long again = compilations(() -> runQueries(spark));
    assertTrue(first >= QUERIES, "each query compiles code of its own the first time: " + first);
    assertTrue(again <= 5, "the second round compiled " + again + " classes (first round: " + first + ")");
  }

  /** Queries whose generated code differs (the literal is inlined into it). */
  private static void runQueries(SparkSession spark) {
    for (int k = 0; k < QUERIES; k++) {
      spark.range(2).selectExpr("id * 7 + " + (1000 + k) + " as x").collectAsList();
    }
  }

  private static long compilations(Runnable work) {
    long before = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
    work.run();
    return CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - before;
  }
}
