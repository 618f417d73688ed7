package org.curlake.jobs.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.ModelRunner;
import org.curlake.jobs.curate.PeriodViews;
import org.curlake.jobs.curate.Quarantine;
import org.curlake.jobs.curate.SqlModel;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.RunStatus;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.jobs.spark.SparkErrors;
import org.curlake.jobs.spark.TenantParallelism;
import org.curlake.quality.ValidityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics of a tenant's billing period as of a date: idle resources (from the curated line
 * items, recomputed from bronze by the curate models), budget status, the cost forecast, cost
 * anomalies and their drivers (from fct_cost_daily). Each table's (tenant, period) partition is replaced in one Delta
 * commit; a WARN or EXCEEDED budget is posted to the webhook. A failing tenant leaves its tables
 * as they were and the other tenants still run.
 *
 * <p>The models over fct_cost_daily read it many times (one scan per reference of a CTE), so they
 * read only the {@link #HISTORY_MONTHS} periods before the analysed one and that one (partition
 * pruning); a model another one selects from (the forecast for the budget, the anomalies for their
 * drivers) is cached as it is written, so it is computed once.
 */
public final class AnalyticsJob {
  /** Models over the period's curated line items, then the table the last one is written to. */
  static final List<String> IDLE_MODELS = List.of("int_snapshot_first_seen", "int_idle_resource_usage",
      "int_volume_days_without_instance", "fct_idle_resources");
  static final List<String> ANOMALY_MODELS = List.of("int_daily_service_cost", "fct_cost_anomalies");
  /**
   * The billing periods before the analysed one that the models over fct_cost_daily look back to:
   * the forecast from the first day of the month before last (its 28-day window and last complete
   * month), the anomalies from 42 days before the period start (int_daily_service_cost), their
   * drivers 28 days before an anomaly day of the period or the 6 days before it, the budget only
   * within the period. Older periods are not read ({@code AnalyticsJobTest} compares the tables with
   * the models run over the tenant's whole history).
   */
  static final int HISTORY_MONTHS = 2;
  /** The columns of int_line_items_costed the idle models read (a model reading another fails at analysis). */
  static final List<String> IDLE_COLUMNS = List.of("tenant_id", "billing_period", "usage_date", "usage_start",
      "usage_end", "usage_account_id", "region_code", "availability_zone", "product_code", "usage_type",
      "line_item_type", "charge_category", "resource_id", "usage_amount", "amortized_cost", "reservation_arn",
      "savings_plan_arn", "savings_plan_used_commitment", "savings_plan_total_commitment_to_date");

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;
  private final String lakeRoot;
  private final List<ValidityRule> validityRules;
  private final WebhookNotifier notifier;
  private final Consumer<AnalyticsRun> progress;
  private final int tenantParallelism;

  /** Analyses {@link TenantParallelism#DEFAULT} tenants at a time. */
  public AnalyticsJob(SparkSession spark, String lakeRoot, List<ValidityRule> validityRules, WebhookNotifier notifier,
      Consumer<AnalyticsRun> progress) {
    this(spark, lakeRoot, validityRules, notifier, progress, TenantParallelism.DEFAULT);
  }

  /** @param tenantParallelism tenants analysed at a time, each in a session of its own ({@link TenantParallelism}) */
  public AnalyticsJob(SparkSession spark, String lakeRoot, List<ValidityRule> validityRules, WebhookNotifier notifier,
      Consumer<AnalyticsRun> progress, int tenantParallelism) {
    this.spark = spark;
    this.lakeRoot = lakeRoot;
    this.validityRules = List.copyOf(validityRules);
    this.notifier = notifier;
    this.progress = progress;
    this.tenantParallelism = tenantParallelism;
  }

  /**
   * @param onlyPeriod the period to analyse (default: the month of {@code asOf})
   * @param asOf the reference date: data after it is ignored; for a past period, its last day is used
   */
  public List<AnalyticsRun> run(List<TenantConfig> tenants, Optional<BillingPeriod> onlyPeriod, LocalDate asOf) {
    String period = onlyPeriod.map(BillingPeriod::toString).orElse(YearMonth.from(asOf).toString());
    LocalDate periodEnd = YearMonth.parse(period).atEndOfMonth();
    LocalDate effectiveAsOf = asOf.isAfter(periodEnd) ? periodEnd : asOf;
    return new TenantParallelism(spark, tenantParallelism)
        .map(tenants, (session, tenant) -> analyse(session, tenant, period, effectiveAsOf), progress);
  }

  private AnalyticsRun analyse(SparkSession session, TenantConfig tenant, String period, LocalDate asOf) {
    PartitionWriter lake = new PartitionWriter(session, lakeRoot);
    ModelRunner models = new ModelRunner(session);
    String runId = UUID.randomUUID().toString();
    Map<String, String> partition = Map.of("tenant_id", tenant.id(), "billing_period", period);
    Map<String, Object> parameters = AnalyticsParameters.of(tenant, period, asOf);
    session.sparkContext().setJobGroup("analytics-" + tenant.id() + "-" + period,
        "analytics tenant " + tenant.id() + " period " + period, false);
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Dataset<Row> bronze = lake.read(LakeTable.CUR_LINE_ITEMS)
          .orElseThrow(() -> new IllegalStateException("no bronze table yet: run ingest first"))
          .where(col("tenant_id").equalTo(lit(tenant.id())));
      // Not cached: each reference of a cached relation became its own query stage and jobs (the forecast
      // ran 177 jobs instead of 28); the pruned scans cost less.
      Dataset<Row> daily = lake.read(LakeTable.FCT_COST_DAILY)
          .orElseThrow(() -> new IllegalStateException("no fct_cost_daily yet: run curate first"))
          .where(col("tenant_id").equalTo(lit(tenant.id()))
              .and(col("billing_period").isin(historyPeriods(period).toArray())));
      PeriodViews.registerTenantInputs(session, models, tenant);
      models.input("tenant_budgets", AnalyticsParameters.budgets(session, tenant));
      models.input("bronze_cur_line_items_history", bronze);
      models.input("bronze_cur_line_items",
          Quarantine.valid(bronze.where(col("billing_period").equalTo(lit(period))), validityRules));
      // Cached for the idle models' several reads, but only the columns they use: the period's costed line items
      // with every column (tags included) cost more to cache than the scans saved.
      cache(cached, models.runAll(CurateJob.PERIOD_MODELS.stream().map(SqlModel::load).toList(), parameters)
          .select(IDLE_COLUMNS.stream().map(name -> col(name)).toArray(Column[]::new)))
          .createOrReplaceTempView("int_line_items_costed");
      models.input("fct_cost_daily", daily);

      Map<String, Long> written = new LinkedHashMap<>();
      write(lake, LakeTable.FCT_IDLE_RESOURCES, models.runAll(load(IDLE_MODELS), parameters), partition, runId,
          written);
      // Cached as it is written: budget_status selects from its view.
      Dataset<Row> forecast = cache(cached, models.run(SqlModel.load("fct_cost_forecast"), parameters));
      write(lake, LakeTable.FCT_COST_FORECAST, forecast, partition, runId, written);
      Dataset<Row> budget = models.run(SqlModel.load("budget_status"), parameters);
      // Computed once: the rows collected for the webhook are the rows written.
      List<Row> budgetRows = budget.collectAsList();
      write(lake, LakeTable.BUDGET_STATUS, session.createDataFrame(budgetRows, budget.schema()), partition, runId,
          written);
      // Cached as it is written: fct_cost_anomaly_drivers selects from its view.
      Dataset<Row> anomalies = cache(cached, models.runAll(load(ANOMALY_MODELS), parameters));
      write(lake, LakeTable.FCT_COST_ANOMALIES, anomalies, partition, runId, written);
      write(lake, LakeTable.FCT_COST_ANOMALY_DRIVERS, models.run(SqlModel.load("fct_cost_anomaly_drivers"), parameters),
          partition, runId, written);

      String budgetStatus = budgetRows.isEmpty() ? null : budgetRows.get(0).getAs("status");
      if (!budgetRows.isEmpty() && !"OK".equals(budgetStatus)) {
        notifier.post(budgetEvent(budgetRows.get(0)));
      }
      return new AnalyticsRun(tenant.id(), period, asOf, RunStatus.SUCCEEDED, written, budgetStatus, null);
    } catch (Exception e) {
      LOG.warn("tenant={} period={} analytics failed", tenant.id(), period, e);
      return new AnalyticsRun(tenant.id(), period, asOf, RunStatus.FAILED, Map.of(), null,
          "tenant '" + tenant.id() + "' period " + period + ": analytics failed: " + SparkErrors.summary(e));
    } finally {
      cached.forEach(Dataset::unpersist);
      session.sparkContext().clearJobGroup();
    }
  }

  /** {@code period} and the {@link #HISTORY_MONTHS} periods before it, as billing_period values. */
  static List<String> historyPeriods(String period) {
    YearMonth month = YearMonth.parse(period);
    List<String> periods = new ArrayList<>();
    for (int back = HISTORY_MONTHS; back >= 0; back--) {
      periods.add(month.minusMonths(back).toString());
    }
    return periods;
  }

  /** Persists {@code rows} until the tenant's analytics end (memory, spilling to disk). */
  private static Dataset<Row> cache(List<Dataset<Row>> cached, Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  private static List<SqlModel> load(List<String> names) {
    return names.stream().map(SqlModel::load).toList();
  }

  private static void write(PartitionWriter lake, LakeTable table, Dataset<Row> rows, Map<String, String> partition,
      String runId, Map<String, Long> written) {
    String marker = "analytics run " + runId + " table " + table.tableName() + " tenant " + partition.get("tenant_id")
        + " period " + partition.get("billing_period");
    written.put(table.tableName(), lake.replace(table, rows, partition, marker));
  }

  /** The budget_warn / budget_exceeded webhook event of a budget_status row. */
  static ObjectNode budgetEvent(Row status) {
    ObjectNode body = JSON.createObjectNode()
        .put("event", "EXCEEDED".equals(status.getAs("status")) ? "budget_exceeded" : "budget_warn")
        .put("tenant_id", (String) status.getAs("tenant_id"))
        .put("billing_period", (String) status.getAs("billing_period"))
        .put("as_of_date", status.getAs("as_of_date").toString())
        .put("status", (String) status.getAs("status"))
        .put("warn_percent", (Integer) status.getAs("warn_percent"));
    body.put("budget_usd", (java.math.BigDecimal) status.getAs("budget_usd"));
    body.put("month_to_date_usd", (java.math.BigDecimal) status.getAs("month_to_date_usd"));
    body.put("forecast_usd", (java.math.BigDecimal) status.getAs("forecast_usd"));
    body.put("percent_used", (Double) status.getAs("percent_used"));
    body.put("forecast_percent", (Double) status.getAs("forecast_percent"));
    return body;
  }
}
