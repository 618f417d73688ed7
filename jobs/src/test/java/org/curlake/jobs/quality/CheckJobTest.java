package org.curlake.jobs.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.quality.QualityRules;
import org.curlake.quality.QualityRulesLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quality checks and freshness SLA on clean and deliberately broken deliveries, with a real webhook. */
class CheckJobTest {
  private final SparkSession spark = SharedSpark.session();
  private final QualityRules rules = new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load();
  @TempDir Path lake;
  @TempDir Path sources;

  private void ingestAndCurate(TenantConfig tenant) {
    new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, r -> { }).run(List.of(tenant), Optional.empty());
    new CurateJob(spark, lake.toString(), rules.validity(), false, r -> { }).run(List.of(tenant), Optional.empty());
  }

  private Dataset<Row> workshopRows(int month, int n) {
    return spark.read().parquet(TestTenants.workshopData().resolve("year=2018/month=" + month).toString())
        .orderBy("identity_line_item_id", "line_item_usage_start_date").limit(n);
  }

  private void deliver(String tenant, int month, Dataset<Row> rows) {
    rows.coalesce(1).write().mode("overwrite")
        .parquet(sources.resolve(tenant).resolve("year=2018/month=" + month).toString());
  }

  private static Map<String, DqResult.Status> statuses(CheckReport report) {
    Map<String, DqResult.Status> result = new TreeMap<>();
    report.results().forEach(r -> result.put(r.checkId(), r.status()));
    return result;
  }

  @Test
  void cleanDataPassesEveryCheckAndFreshDataMeetsItsSla() throws Exception {
    TenantConfig clean = TestTenants.tenant("clean", sources.resolve("clean"), Optional.empty());
    deliver("clean", 11, workshopRows(11, 4000));
    ingestAndCurate(clean);
    try (RecordingWebhook webhook = new RecordingWebhook()) {
      // The newest usage in this slice of November, plus less than the tenant's 24-hour SLA.
      Instant newest = spark.read().format("delta").load(LakeTable.CUR_LINE_ITEMS.location(lake.toString()))
          .agg(org.apache.spark.sql.functions.max("line_item_usage_start_date")).first().getTimestamp(0).toInstant();
      CheckReport report = job(webhook).run(List.of(clean), Optional.empty(), newest.plus(Duration.ofHours(23)));
      assertEquals(rules.checks().size(), report.results().size());
      report.results().forEach(r -> assertEquals(DqResult.Status.PASS, r.status(), r.progressLine()));
      assertEquals(SlaStatus.Status.OK, report.sla().get(0).status());
      assertEquals(23.0, report.sla().get(0).lagHours(), 1e-9);
      assertEquals(List.of(), webhook.bodies(), "nothing to alert about");

      CheckReport late = job(webhook).run(List.of(clean), Optional.empty(), newest.plus(Duration.ofHours(25)));
      assertEquals(SlaStatus.Status.BREACH, late.sla().get(0).status());
      assertEquals(1, webhook.bodies().size());
      assertTrue(webhook.bodies().get(0).contains("\"event\":\"sla_breach\""), webhook.bodies().get(0));
      assertTrue(webhook.bodies().get(0).contains("\"tenant_id\":\"clean\""), webhook.bodies().get(0));
    }
    Dataset<Row> sla = spark.read().format("delta").load(LakeTable.SLA_STATUS.location(lake.toString()));
    assertEquals(List.of("BREACH", "OK"), sla.orderBy("status").select("status").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
  }

  @Test
  void brokenDeliveryYieldsFailRowsQuarantineWithReasonsAndAnAlert() throws Exception {
    TenantConfig broken = TestTenants.tenant("broken", sources.resolve("broken"), Optional.empty());
    Dataset<Row> rows = workshopRows(10, 3000)
        .withColumn("n", org.apache.spark.sql.functions.monotonically_increasing_id())
        // 10 rows lose their line item id, 5 are dated in the next month, 3 have negative usage.
        .withColumn("identity_line_item_id", when(col("n").lt(10), lit(null)).otherwise(col("identity_line_item_id")))
        .withColumn("line_item_usage_start_date", when(col("n").between(100, 104),
            lit(java.sql.Timestamp.valueOf("2018-11-03 00:00:00"))).otherwise(col("line_item_usage_start_date")))
        .withColumn("line_item_usage_amount", when(col("n").between(200, 202), lit(-1.0))
            .otherwise(col("line_item_usage_amount")))
        .drop("n");
    deliver("broken", 10, rows);
    ingestAndCurate(broken);

    Dataset<Row> quarantine = spark.read().format("delta").load(LakeTable.QUARANTINE.location(lake.toString()));
    Map<String, Long> reasons = new TreeMap<>();
    quarantine.selectExpr("explode(quarantine_reasons) as reason").groupBy("reason").count().collectAsList()
        .forEach(r -> reasons.put(r.getString(0), r.getLong(1)));
    assertEquals(Map.of("line_item_id_present", 10L, "usage_within_billing_period", 5L), reasons);

    try (RecordingWebhook webhook = new RecordingWebhook()) {
      CheckReport report = job(webhook).run(List.of(broken), Optional.empty(), Instant.parse("2018-11-01T06:00:00Z"));
      Map<String, DqResult.Status> statuses = statuses(report);
      assertEquals(DqResult.Status.FAIL, statuses.get("bronze_line_item_id_complete"));
      assertEquals(DqResult.Status.FAIL, statuses.get("bronze_partition_consistent"));
      assertEquals(DqResult.Status.FAIL, statuses.get("bronze_usage_amount_non_negative"));
      assertEquals(DqResult.Status.PASS, statuses.get("bronze_rows_match_source"));
      assertEquals(DqResult.Status.PASS, statuses.get("marts_cost_reconciles_with_bronze"),
          "marts plus quarantine reconcile with bronze: " + report.results());
      DqResult completeness = report.results().stream()
          .filter(r -> r.checkId().equals("bronze_line_item_id_complete")).findFirst().orElseThrow();
      assertEquals(1 - 10 / 3000.0, completeness.value(), 1e-9);
      assertTrue(webhook.bodies().stream().anyMatch(b -> b.contains("\"event\":\"dq_failure\"")
          && b.contains("bronze_line_item_id_complete")), webhook.bodies().toString());
    }
    Dataset<Row> recorded = spark.read().format("delta").load(LakeTable.DQ_RESULTS.location(lake.toString()));
    assertEquals(3, recorded.where("tenant_id = 'broken' and status = 'FAIL'").count());
  }

  private CheckJob job(RecordingWebhook webhook) {
    return new CheckJob(spark, lake.toString(), rules.checks(),
        new WebhookNotifier(Optional.of(webhook.url()), Duration.ofSeconds(5)), line -> { });
  }
}
