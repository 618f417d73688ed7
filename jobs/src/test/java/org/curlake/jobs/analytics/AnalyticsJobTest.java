package org.curlake.jobs.analytics;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.BudgetConfig;
import org.curlake.config.SourceConfig;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.quality.RecordingWebhook;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.quality.QualityRules;
import org.curlake.quality.QualityRulesLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics job end to end on a small synthetic tenant: tables written, budget alert posted, deterministic. */
class AnalyticsJobTest {
  private final SparkSession spark = SharedSpark.session();
  private final QualityRules rules = new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load();
  @TempDir Path lake;
  @TempDir Path sources;

  @Test
  void writesEveryTableForThePeriodAsOfTheDateAndAlertsOnTheBudget() throws Exception {
    Path landing = sources.resolve("synth");
    SourceLocation location = SourceLocation.parse("path", landing.toString(), TestTenants.projectRoot());
    new GenerateJob(spark).run(new GeneratorSpec("synth", SourceFormat.LEGACY_CUR, 7, YearMonth.of(2024, 1), 2, 3000, 3,
        Grain.DAILY), location);
    TenantConfig tenant = new TenantConfig("synth", "synth", true, new SourceConfig(location, Optional.empty(), 24),
        Map.of(), List.of(), Optional.of(new BudgetConfig(new BigDecimal("10"), 80)));
    new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, r -> { }).run(List.of(tenant), Optional.empty());
    new CurateJob(spark, lake.toString(), rules.validity(), false, r -> { }).run(List.of(tenant), Optional.empty());

    LocalDate asOf = LocalDate.of(2024, 2, 20);
    try (RecordingWebhook webhook = new RecordingWebhook()) {
      AnalyticsJob job = new AnalyticsJob(spark, lake.toString(), rules.validity(),
          new WebhookNotifier(Optional.of(webhook.url()), Duration.ofSeconds(5)), r -> { });
      AnalyticsRun run = job.run(List.of(tenant), Optional.empty(), asOf).get(0);
      assertFalse(run.failed(), run.progressLine());
      assertEquals("2024-02", run.period());
      assertEquals("EXCEEDED", run.budgetStatus());
      assertEquals(1, webhook.bodies().size());
      assertTrue(webhook.bodies().get(0).contains("\"event\":\"budget_exceeded\""), webhook.bodies().get(0));

      Dataset<Row> idle = table(LakeTable.FCT_IDLE_RESOURCES);
      assertTrue(idle.count() > 0, "the generator emits idle addresses and commitments");
      assertEquals(0, idle.where(col("estimated_monthly_waste_usd").lt(1)).count(), "minimum waste applies");
      assertEquals(0, idle.where(col("last_usage_end").gt(java.sql.Timestamp.valueOf("2024-02-21 00:00:00"))
          .and(col("rule_id").isin("eip_idle_address", "nat_gateway_idle", "load_balancer_idle"))).count());

      Dataset<Row> anomalies = table(LakeTable.FCT_COST_ANOMALIES);
      assertEquals(0, anomalies.where(col("usage_date").gt(java.sql.Date.valueOf(asOf))).count());
      assertTrue(anomalies.count() > 0);
      List<Row> first = anomalies.orderBy("usage_date", "product_code").collectAsList();
      Dataset<Row> forecast = table(LakeTable.FCT_COST_FORECAST);
      assertEquals(2, forecast.where(col("scope").equalTo("tenant")).count(), "a month-end and a next-month total");
      assertEquals(0, forecast.where(col("lower_usd").gt(col("forecast_usd"))
          .or(col("upper_usd").lt(col("forecast_usd")))).count(), "the interval holds the forecast");
      List<Row> firstForecast = forecast.orderBy("horizon", "product_code").collectAsList();

      AnalyticsRun again = job.run(List.of(tenant), Optional.empty(), asOf).get(0);
      assertFalse(again.failed(), again.progressLine());
      assertEquals(first, table(LakeTable.FCT_COST_ANOMALIES).orderBy("usage_date", "product_code").collectAsList(),
          "same input and as-of date, same anomalies; the partition is replaced, not appended");
      assertEquals(1, table(LakeTable.BUDGET_STATUS).count());
      assertEquals(firstForecast, table(LakeTable.FCT_COST_FORECAST).orderBy("horizon", "product_code").collectAsList(),
          "same input and as-of date, same forecast");
    }
  }

  private Dataset<Row> table(LakeTable table) {
    return spark.read().format("delta").load(table.location(lake.toString()));
  }
}
