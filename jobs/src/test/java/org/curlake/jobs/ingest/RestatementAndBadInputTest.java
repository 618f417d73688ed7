package org.curlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.lake.TableChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restated months replace their partition; bad deliveries fail only their own tenant and period. */
class RestatementAndBadInputTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path lake;
  @TempDir Path sources;

  private IngestReport ingest(List<TenantConfig> tenants) {
    return new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, run -> { })
        .run(tenants, Optional.empty());
  }

  private Dataset<Row> bronze() {
    return spark.read().format("delta").load(LakeTable.CUR_LINE_ITEMS.location(lake.toString()));
  }

  private Dataset<Row> bronze(String tenant, String period) {
    return bronze().where(col("tenant_id").equalTo(tenant).and(col("billing_period").equalTo(period)));
  }

  private TenantConfig tenant(String id) {
    return TestTenants.tenant(id, sources.resolve(id), Optional.empty());
  }

  private static IngestRun run(IngestReport report, String tenant, String period) {
    return report.runs().stream()
        .filter(r -> r.tenantId().equals(tenant) && period.equals(r.billingPeriod()))
        .findFirst().orElseThrow(() -> new AssertionError("no run for " + tenant + " " + period));
  }

  @Test
  void restatedMonthReplacesItsPartitionWithoutDuplicatesOrDeletedRows() {
    TenantConfig acme = tenant("acme");
    Dataset<Row> original = IngestFixtures.firstRows(spark, 10, 3000).cache();
    IngestFixtures.deliver(sources.resolve("acme"), 10, original);
    IngestFixtures.deliver(sources.resolve("acme"), 11, IngestFixtures.firstRows(spark, 11, 1000));
    assertTrue(ingest(List.of(acme)).runs().stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED));
    TableChecksum november = TableChecksum.of(bronze("acme", "2018-11"));

    // AWS restates October: 500 line items disappear, the rest are re-priced.
    Dataset<Row> restated = IngestFixtures.withCost(original.limit(2500), 1.25);
    IngestFixtures.deliver(sources.resolve("acme"), 10, restated);
    IngestReport report = ingest(List.of(acme));

    assertEquals(RunStatus.SUCCEEDED, run(report, "acme", "2018-10").status());
    assertEquals(RunStatus.SKIPPED, run(report, "acme", "2018-11").status());
    Dataset<Row> october = bronze("acme", "2018-10");
    assertEquals(2500, october.count());
    assertEquals(2500, october.select("identity_line_item_id", "line_item_usage_start_date").distinct().count());
    assertEquals(0, october.where("line_item_unblended_cost != 1.25").count());
    assertEquals(november, TableChecksum.of(bronze("acme", "2018-11")), "other periods are untouched");
  }

  @Test
  void corruptFileFailsOnlyItsTenantAndPeriodAndKeepsWhatWasCurated() throws Exception {
    TenantConfig acme = tenant("acme");
    TenantConfig globex = tenant("globex");
    IngestFixtures.deliver(sources.resolve("acme"), 10, IngestFixtures.firstRows(spark, 10, 800));
    IngestFixtures.deliver(sources.resolve("acme"), 11, IngestFixtures.firstRows(spark, 11, 600));
    IngestFixtures.deliver(sources.resolve("globex"), 10, IngestFixtures.firstRows(spark, 10, 400));
    ingest(List.of(acme, globex));
    TableChecksum curatedOctober = TableChecksum.of(bronze("acme", "2018-10"));

    Path corrupt = IngestFixtures.deliverCorrupt(sources.resolve("acme"), 10, "Oct-00001.snappy.parquet");
    IngestFixtures.deliver(sources.resolve("acme"), 11, IngestFixtures.firstRows(spark, 11, 700));
    IngestFixtures.deliver(sources.resolve("globex"), 10, IngestFixtures.firstRows(spark, 10, 450));
    IngestReport report = ingest(List.of(acme, globex));

    IngestRun failed = run(report, "acme", "2018-10");
    assertEquals(RunStatus.FAILED, failed.status());
    assertTrue(failed.error().contains("tenant 'acme'"), failed.error());
    assertTrue(failed.error().contains("period 2018-10"), failed.error());
    assertTrue(failed.error().contains(corrupt.getFileName().toString()), failed.error());
    assertTrue(failed.error().contains("not a readable Parquet file"), failed.error());
    assertEquals(curatedOctober, TableChecksum.of(bronze("acme", "2018-10")), "curated data of the failed period stays");

    assertEquals(RunStatus.SUCCEEDED, run(report, "acme", "2018-11").status());
    assertEquals(700, bronze("acme", "2018-11").count());
    assertEquals(RunStatus.SUCCEEDED, run(report, "globex", "2018-10").status());
    assertEquals(450, bronze("globex", "2018-10").count());
    assertTrue(report.anyFailed());

    List<Row> recorded = spark.read().format("delta").load(LakeTable.INGEST_RUNS.location(lake.toString()))
        .where("status = 'FAILED'").select("tenant_id", "billing_period", "error").collectAsList();
    assertEquals(1, recorded.size());
    assertEquals("acme", recorded.get(0).getString(0));
    assertEquals(failed.error(), recorded.get(0).getString(2));
  }

  @Test
  void periodsWrittenTogetherFallBackToOneByOneWhenAFileFailsOnlyOnRead() throws Exception {
    TenantConfig acme = tenant("acme");
    IngestFixtures.deliver(sources.resolve("acme"), 10, IngestFixtures.firstRows(spark, 10, 800));
    IngestFixtures.deliver(sources.resolve("acme"), 11, IngestFixtures.firstRows(spark, 11, 600));
    Path damaged = IngestFixtures.damageDataPages(sources.resolve("acme"), 11);

    IngestReport report = ingest(List.of(acme));

    // Both periods pass inspection (sound footers), so they are written in one commit; that write fails on
    // November's pages, and each period is then written on its own: October lands, November fails alone.
    assertEquals(RunStatus.SUCCEEDED, run(report, "acme", "2018-10").status());
    assertEquals(800, run(report, "acme", "2018-10").rowsWritten());
    assertEquals(800, bronze("acme", "2018-10").count());
    IngestRun failed = run(report, "acme", "2018-11");
    assertEquals(RunStatus.FAILED, failed.status());
    assertTrue(failed.error().contains("tenant 'acme'") && failed.error().contains("period 2018-11"), failed.error());
    assertTrue(failed.error().contains(damaged.getFileName().toString()), failed.error());
    assertEquals(0, bronze("acme", "2018-11").count(), "nothing of the damaged period is visible");
  }

  @Test
  void missingRequiredColumnNamesTheColumnAndTheFile() {
    TenantConfig acme = tenant("acme");
    IngestFixtures.deliver(sources.resolve("acme"), 12, IngestFixtures.withoutColumn(
        IngestFixtures.firstRows(spark, 12, 300), "line_item_unblended_cost"));
    IngestRun failed = run(ingest(List.of(acme)), "acme", "2018-12");
    assertEquals(RunStatus.FAILED, failed.status());
    assertTrue(failed.error().contains("missing required column(s) [line_item_unblended_cost]"), failed.error());
    assertTrue(failed.error().contains(sources.resolve("acme/year=2018/month=12").toString()), failed.error());
  }

  @Test
  void wrongColumnTypeIsRefusedRatherThanTurnedIntoNulls() {
    TenantConfig acme = tenant("acme");
    Dataset<Row> rows = IngestFixtures.firstRows(spark, 12, 300)
        .withColumn("line_item_unblended_cost", col("line_item_unblended_cost").cast("string"));
    IngestFixtures.deliver(sources.resolve("acme"), 12, rows);
    IngestRun failed = run(ingest(List.of(acme)), "acme", "2018-12");
    assertEquals(RunStatus.FAILED, failed.status());
    assertTrue(failed.error().contains("line_item_unblended_cost is string"), failed.error());
  }

  @Test
  void emptyPeriodAndMissingSourceAreClearFailures() {
    TenantConfig acme = tenant("acme");
    IngestFixtures.deliver(sources.resolve("acme"), 10, IngestFixtures.firstRows(spark, 10, 0));
    IngestRun empty = run(ingest(List.of(acme)), "acme", "2018-10");
    assertEquals(RunStatus.FAILED, empty.status());
    assertTrue(empty.error().contains("empty period"), empty.error());

    IngestReport requested = new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, run -> { })
        .run(List.of(acme), Optional.of(BillingPeriod.parse("2019-01")));
    assertTrue(requested.runs().get(0).error().contains("empty period: no Parquet files"),
        requested.runs().get(0).error());

    IngestRun missing = ingest(List.of(tenant("ghost"))).runs().get(0);
    assertEquals(RunStatus.FAILED, missing.status());
    assertTrue(missing.error().contains("tenant 'ghost'") && missing.error().contains("does not exist"),
        missing.error());
  }
}
