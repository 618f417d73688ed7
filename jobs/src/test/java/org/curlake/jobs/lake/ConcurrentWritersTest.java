package org.curlake.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenants' writers replacing their partitions of the same table at the same moment, as the checks and
 * analytics of two tenants do, and two tenants' pipelines: every commit lands, also when both create
 * the table, and neither touches the other's rows.
 */
class ConcurrentWritersTest {
  private static final CountDownLatch OTHER_WRITER_COMMITTED = new CountDownLatch(1);
  private static final AtomicInteger COMPUTED = new AtomicInteger();

  private final SparkSession spark = SharedSpark.session();
  @TempDir Path lake;

  @Test
  void twoTenantsOfOneJvmCreatingAndReplacingTheSameTableAtOnceBothLand() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 3; round++) {
        String root = lake.resolve("round-" + round).toUri().toString();
        for (int write = 1; write <= 2; write++) {
          CountDownLatch ready = new CountDownLatch(2);
          List<Future<Long>> commits = new ArrayList<>();
          for (String tenant : List.of("a", "b")) {
            SparkSession session = spark.newSession();
            long rows = 10L * write + (tenant.equals("a") ? 1 : 2);
            commits.add(pool.submit(() -> {
              ready.countDown();
              ready.await(30, TimeUnit.SECONDS);
              return new PartitionWriter(session, root).replacePeriods(LakeTable.FCT_COST_DAILY,
                  rows(session, tenant, rows), tenant, List.of("2024-01"), "concurrent test " + tenant);
            }));
          }
          assertEquals(List.of(10L * write + 1, 10L * write + 2), List.of(commits.get(0).get(), commits.get(1).get()));
          assertEquals(Map.of("a", 10L * write + 1, "b", 10L * write + 2), rowsPerTenant(root),
              "round " + round + " write " + write);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCommitLosingTheRaceToCreateTheTableToAnotherProcessIsWrittenAgain() throws Exception {
    String root = lake.resolve("other-process").toUri().toString();
    String location = LakeTable.FCT_COST_DAILY.location(root);
    // Tenant a's rows are computed only once the other writer (another pipeline: no lock of this JVM) created
    // the table, so a's commit, prepared on an empty folder, conflicts with it.
    MapPartitionsFunction<Row, Row> afterTheOtherWriter = rows -> {
      COMPUTED.incrementAndGet();
      assertTrue(OTHER_WRITER_COMMITTED.await(60, TimeUnit.SECONDS), "the other writer never committed");
      return rows;
    };
    Dataset<Row> blocked = rows(spark, "a", 7);
    Dataset<Row> tenantA = blocked.mapPartitions(afterTheOtherWriter, Encoders.row(blocked.schema()));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Long> commit = pool.submit(() -> new PartitionWriter(spark, root).replacePeriods(LakeTable.FCT_COST_DAILY,
          tenantA, "a", List.of("2024-01"), "concurrent test a"));
      while (COMPUTED.get() == 0) {
        Thread.sleep(20);
      }
      rows(spark.newSession(), "b", 5).write().format("delta").mode("append").partitionBy("tenant_id", "billing_period")
          .save(location);
      OTHER_WRITER_COMMITTED.countDown();
      assertEquals(7L, commit.get(120, TimeUnit.SECONDS));
      assertTrue(COMPUTED.get() >= 2, "a's rows were written again after the conflict: computed " + COMPUTED.get());
      assertEquals(Map.of("a", 7L, "b", 5L), rowsPerTenant(root));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Dataset<Row> rows(SparkSession session, String tenant, long rows) {
    return session.range(rows).selectExpr("'" + tenant + "' as tenant_id", "'2024-01' as billing_period",
        "id as amount").repartition(1);
  }

  private Map<String, Long> rowsPerTenant(String root) {
    Map<String, Long> rows = new TreeMap<>();
    spark.read().format("delta").load(LakeTable.FCT_COST_DAILY.location(root)).groupBy("tenant_id").count()
        .collectAsList().forEach(row -> rows.put(row.getString(0), row.getLong(1)));
    return rows;
  }
}
