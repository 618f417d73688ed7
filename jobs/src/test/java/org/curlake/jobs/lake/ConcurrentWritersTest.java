package org.curlake.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants' writers replacing their partitions of the same table at the same moment, as the checks
 * and analytics of two tenants do (and two tenants' pipelines): both commits land, also when both
 * create the table (the loser of that race writes again), and neither touches the other's rows.
 */
class ConcurrentWritersTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path lake;

  @Test
  void twoTenantsCreatingAndReplacingTheSameTableAtOnceBothLand() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 3; round++) {
        String root = lake.resolve("round-" + round).toUri().toString();
        for (int write = 1; write <= 2; write++) {
          CountDownLatch ready = new CountDownLatch(2);
          List<Future<Long>> commits = new ArrayList<>();
          for (String tenant : List.of("a", "b")) {
            SparkSession session = spark.newSession();
            int rows = 10 * write + (tenant.equals("a") ? 1 : 2);
            commits.add(pool.submit(() -> {
              Dataset<Row> data = session.range(rows).selectExpr("'" + tenant + "' as tenant_id",
                  "'2024-01' as billing_period", "id as amount");
              ready.countDown();
              ready.await(30, TimeUnit.SECONDS);
              return new PartitionWriter(session, root).replacePeriods(LakeTable.FCT_COST_DAILY, data, tenant,
                  List.of("2024-01"), "concurrent test " + tenant);
            }));
          }
          assertEquals(List.of(10L * write + 1, 10L * write + 2), List.of(commits.get(0).get(), commits.get(1).get()));
          Map<String, Long> rows = new TreeMap<>();
          spark.read().format("delta").load(LakeTable.FCT_COST_DAILY.location(root)).groupBy("tenant_id").count()
              .collectAsList().forEach(row -> rows.put(row.getString(0), row.getLong(1)));
          assertEquals(Map.of("a", 10L * write + 1, "b", 10L * write + 2), rows, "round " + round + " write " + write);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
