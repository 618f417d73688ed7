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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
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
import org.curlake.jobs.curate.ModelRunner;
import org.curlake.jobs.curate.SqlModel;
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

/**
 * The analytics job end to end on a small synthetic tenant (four months, the last analysed): tables
 * written, budget alert posted, deterministic, equal to the models over the whole history.
 */
class AnalyticsJobTest {
  private final SparkSession spark = SharedSpark.session();
  private final QualityRules rules = new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load();
  @TempDir Path lake;
  @TempDir Path sources;

  @Test
  void writesEveryTableForThePeriodAsOfTheDateAndAlertsOnTheBudget() throws Exception {
    Path landing = sources.resolve("synth");
    SourceLocation location = SourceLocation.parse("path", landing.toString(), TestTenants.projectRoot());
    new GenerateJob(spark).run(new GeneratorSpec("synth", SourceFormat.LEGACY_CUR, 7, YearMonth.of(2024, 1), 4, 3000, 3,
        Grain.DAILY), location);
    TenantConfig tenant = new TenantConfig("synth", "synth", true, new SourceConfig(location, Optional.empty(), 24),
        Map.of(), List.of(), Optional.of(new BudgetConfig(new BigDecimal("10"), 80)));
    new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, r -> { }).run(List.of(tenant), Optional.empty());
    new CurateJob(spark, lake.toString(), rules.validity(), false, r -> { }).run(List.of(tenant), Optional.empty());

    LocalDate asOf = LocalDate.of(2024, 4, 20);
    try (RecordingWebhook webhook = new RecordingWebhook()) {
      AnalyticsJob job = new AnalyticsJob(spark, lake.toString(), rules.validity(),
          new WebhookNotifier(Optional.of(webhook.url()), Duration.ofSeconds(5)), r -> { });
      AnalyticsRun run = job.run(List.of(tenant), Optional.empty(), asOf).get(0);
      assertFalse(run.failed(), run.progressLine());
      assertEquals("2024-04", run.period());
      assertEquals("EXCEEDED", run.budgetStatus());
      assertEquals(1, webhook.bodies().size());
      assertTrue(webhook.bodies().get(0).contains("\"event\":\"budget_exceeded\""), webhook.bodies().get(0));

      Dataset<Row> idle = table(LakeTable.FCT_IDLE_RESOURCES);
      assertTrue(idle.count() > 0, "the generator emits idle addresses and commitments");
      assertEquals(0, idle.where(col("estimated_monthly_waste_usd").lt(1)).count(), "minimum waste applies");
      assertEquals(0, idle.where(col("last_usage_end").gt(java.sql.Timestamp.valueOf("2024-04-21 00:00:00"))
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
      assertTablesOfTheModelsOverTheWholeHistory(tenant, asOf);
    }
  }

  /**
   * The job reads fct_cost_daily only from the periods the models look back to and computes the
   * forecast and the anomalies once for the models that select from them: its tables must equal the
   * models run the plain way, over the tenant's whole history (January too, which the job skips)
   * with every view computed from its model.
   */
  private void assertTablesOfTheModelsOverTheWholeHistory(TenantConfig tenant, LocalDate asOf) {
    ModelRunner models = new ModelRunner(spark);
    Map<String, Object> parameters = AnalyticsParameters.of(tenant, "2024-04", asOf);
    models.input("fct_cost_daily", table(LakeTable.FCT_COST_DAILY).where(col("tenant_id").equalTo(tenant.id())));
    models.input("tenant_budgets", AnalyticsParameters.budgets(spark, tenant));
    assertSameRows(models.run(SqlModel.load("fct_cost_forecast"), parameters), LakeTable.FCT_COST_FORECAST, true);
    assertSameRows(models.run(SqlModel.load("budget_status"), parameters), LakeTable.BUDGET_STATUS, true);
    assertSameRows(models.runAll(List.of(SqlModel.load("int_daily_service_cost"), SqlModel.load("fct_cost_anomalies")),
        parameters), LakeTable.FCT_COST_ANOMALIES, true);
    assertSameRows(models.run(SqlModel.load("fct_cost_anomaly_drivers"), parameters), LakeTable.FCT_COST_ANOMALY_DRIVERS,
        false);
    // January is older than the history the job reads: these tables do not depend on it.
    assertEquals(List.of("2024-02", "2024-03", "2024-04"), AnalyticsJob.historyPeriods("2024-04"));
  }

  /** The table's rows of tenant synth, period 2024-04, equal {@code expected} (as multisets). */
  private void assertSameRows(Dataset<Row> expected, LakeTable table, boolean nonEmpty) {
    Dataset<Row> actual = table(table).where(col("tenant_id").equalTo("synth")
        .and(col("billing_period").equalTo("2024-04")))
        .select(Arrays.stream(expected.columns()).map(name -> col(name)).toArray(Column[]::new));
    long rows = expected.count();
    assertTrue(!nonEmpty || rows > 0, table.tableName() + ": the reference has rows");
    assertEquals(rows, actual.count(), table.tableName() + " rows");
    assertEquals(0, expected.exceptAll(actual).count(), table.tableName() + ": reference rows missing from the table");
    assertEquals(0, actual.exceptAll(expected).count(), table.tableName() + ": table rows not in the reference");
  }

  private Dataset<Row> table(LakeTable table) {
    return spark.read().format("delta").load(table.location(lake.toString()));
  }
}
