package org.curlake.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.apache.spark.sql.SparkSession;
import org.curlake.api.ApiApp;
import org.curlake.api.LakeFixture;
import org.curlake.api.TestApi;
import org.curlake.api.cost.CostFilter;
import org.curlake.api.cost.CostType;
import org.curlake.api.store.kernel.KernelCuratedStore;
import org.curlake.catalog.LakeTable;
import org.junit.jupiter.api.Test;

/**
 * The Kernel store reads a table once per Delta version: repeated and differently filtered queries
 * on an unchanged table scan nothing; a new commit (written by Spark) is picked up and read once,
 * in the store and through the summary route (whose JSON is rendered once per cached result).
 */
class KernelCacheTest {
  private final LakeFixture lake = LakeFixture.shared();

  @Test
  void unchangedTablesAreNeverReadAgainAndANewCommitIs() throws Exception {
    Path copy = LakeFixture.projectRoot().resolve("api/target/kernel-cache-lake");
    Path table = Path.of(LakeTable.FCT_COST_DAILY.location(copy.toString()));
    deleteTree(copy);
    copyTree(Path.of(LakeTable.FCT_COST_DAILY.location(lake.lake())), table);
    try (KernelCuratedStore store = KernelCuratedStore.open(copy.toString(), Duration.ZERO)) {
      CostFilter all = CostFilter.all(CostType.AMORTIZED);
      BigDecimal before = store.totalCost("acme", all);
      long scans = store.tableScans();
      assertEquals(1, scans, "one scan of fct_cost_daily for acme");
      for (int i = 0; i < 50; i++) {
        assertEquals(before, store.totalCost("acme", all));
        store.dailyCost("acme", CostFilter.all(CostType.values()[i % 3]));
        store.monthlyTrend("acme", all);
      }
      assertEquals(scans, store.tableScans(), "an unchanged table is never read again");
      assertTrue(store.counters().get("cache_hits") >= 140, store.counters().toString());

      SparkSession spark = lake.spark();
      spark.read().format("delta").load(table.toString()).where("tenant_id = 'acme'").limit(1)
          .selectExpr("*").withColumn("amortized_cost", org.apache.spark.sql.functions.lit(new BigDecimal("1000.25"))
              .cast("decimal(30,10)"))
          .write().format("delta").mode("append").save(table.toString());

      assertEquals(before.add(new BigDecimal("1000.25")), store.totalCost("acme", all), "the new commit is visible");
      assertEquals(scans + 1, store.tableScans(), "the new version is read once");
      store.summary("acme", Optional.empty(), CostType.AMORTIZED);
      store.totalCost("acme", all);
      assertEquals(scans + 1, store.tableScans());
      assertEquals(1, store.dailyCost("globex", all).isEmpty() ? 0 : 1);
      assertEquals(scans + 2, store.tableScans(), "another tenant is its own (pruned) read");
    }
  }

  @Test
  void theSummaryRouteAnswersFromMemoryUntilANewCommit() throws Exception {
    Path copy = LakeFixture.projectRoot().resolve("api/target/kernel-cache-route-lake");
    Path table = Path.of(LakeTable.FCT_COST_DAILY.location(copy.toString()));
    deleteTree(copy);
    copyTree(Path.of(LakeTable.FCT_COST_DAILY.location(lake.lake())), table);
    ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    try (KernelCuratedStore store = KernelCuratedStore.open(copy.toString(), Duration.ZERO)) {
      ApiApp.Services services = TestApi.services(store, copy.resolve("audit.log"));
      JavalinTest.test(ApiApp.create(services), (server, client) -> {
        String summary = "/api/v1/tenants/acme/summary?costType=amortized";
        JsonNode before = json.readTree(get(client, summary));
        assertSameAmount(lake.usd("select sum(amortized_cost) from fct_cost_daily where tenant_id = 'acme' and usage_date"
            + " between trunc(date'" + before.get("asOf").asText() + "', 'MM') and date'" + before.get("asOf").asText() + "'"),
            before.get("monthToDate").decimalValue(), "month to date");
        String first = get(client, summary);
        long scans = store.tableScans();
        long misses = store.counters().get("cache_misses");
        for (int i = 0; i < 20; i++) {
          assertEquals(first, get(client, summary), "an unchanged lake answers the same");
        }
        assertEquals(scans, store.tableScans(), "no table read for repeated summaries");
        assertEquals(misses, store.counters().get("cache_misses"), "every repeated summary came from the cache");

        lake.spark().read().format("delta").load(table.toString())
            .where("tenant_id = 'acme' and usage_date = date'" + before.get("asOf").asText() + "'").limit(1)
            .withColumn("amortized_cost", org.apache.spark.sql.functions.lit(new BigDecimal("1000.25")).cast("decimal(30,10)"))
            .write().format("delta").mode("append").save(table.toString());

        JsonNode after = json.readTree(get(client, summary));
        assertSameAmount(before.get("monthToDate").decimalValue().add(new BigDecimal("1000.25")),
            after.get("monthToDate").decimalValue(), "the summary of the new Delta version, not the cached one");
        assertEquals(scans + 1, store.tableScans(), "the new version is read once");
      });
      services.audit().close();
    }
  }

  private static String get(io.javalin.testtools.HttpClient client, String path) throws Exception {
    try (okhttp3.Response response = client.get(path, r -> r.header("Authorization", "Bearer " + TestApi.PLATFORM))) {
      assertEquals(200, response.code());
      return response.body().string();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteTree(Path path) throws Exception {
    if (Files.exists(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Amounts compared as numbers: JSON writes 12743.00 as 12743, so the scale is not part of the value. */
  private static void assertSameAmount(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + ", got " + actual);
  }
}
