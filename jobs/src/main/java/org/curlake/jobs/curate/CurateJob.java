package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.RunStatus;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.spark.SparkErrors;
import org.curlake.quality.ValidityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Curates bronze into the marts by running the SQL models, per tenant and billing period:
 * validity rules split bronze into curated rows and quarantine; staging, intermediate and the
 * period marts are computed and each mart's (tenant, period) partition is replaced in one Delta
 * commit. Then the tenant-wide marts (monthly summary, dimensions) are rebuilt from the daily
 * table. A failing period leaves its marts as they were and the other periods and tenants run.
 */
public final class CurateJob {
  /** Models computed per billing period, in order; each selects from the ones before it. */
  public static final List<String> PERIOD_MODELS = List.of("stg_cur_line_items", "int_line_items_costed");
  /** The per-period marts and the tables they are written to. */
  public static final Map<String, LakeTable> PERIOD_MARTS = orderedMap(
      "fct_cost_daily", LakeTable.FCT_COST_DAILY,
      "fct_cost_by_tag", LakeTable.FCT_COST_BY_TAG,
      "focus_costs", LakeTable.FOCUS_COSTS);
  /** The tenant-wide marts, rebuilt from every curated period of fct_cost_daily. */
  public static final Map<String, LakeTable> TENANT_MARTS = orderedMap(
      "fct_cost_monthly", LakeTable.FCT_COST_MONTHLY,
      "dim_accounts", LakeTable.DIM_ACCOUNTS,
      "dim_services", LakeTable.DIM_SERVICES);

  private static final List<String> PERIOD_MODEL_NAMES = java.util.stream.Stream.concat(
      PERIOD_MODELS.stream(), PERIOD_MARTS.keySet().stream()).toList();

  private static final Logger LOG = LoggerFactory.getLogger(CurateJob.class);

  private final SparkSession spark;
  private final PartitionWriter lake;
  private final ModelRunner models;
  private final List<ValidityRule> validityRules;
  private final Consumer<CurateRun> progress;
  private final CurateRunLog runLog;
  private final boolean force;

  /**
   * @param force curate periods whose inputs did not change since their last successful curation
   */
  public CurateJob(SparkSession spark, String lakeRoot, List<ValidityRule> validityRules, boolean force,
      Consumer<CurateRun> progress) {
    this.spark = spark;
    this.lake = new PartitionWriter(spark, lakeRoot);
    this.models = new ModelRunner(spark);
    this.validityRules = List.copyOf(validityRules);
    this.force = force;
    this.progress = progress;
    this.runLog = new CurateRunLog(spark, lake);
  }

  /**
   * Curates every bronze period (or only {@code onlyPeriod}) of each tenant whose inputs changed,
   * then its tenant-wide marts when any period changed.
   */
  public List<CurateRun> run(List<TenantConfig> tenants, Optional<BillingPeriod> onlyPeriod) {
    String runId = UUID.randomUUID().toString();
    List<CurateRun> runs = new ArrayList<>();
    Dataset<Row> bronze = lake.read(LakeTable.CUR_LINE_ITEMS)
        .orElseThrow(() -> new IllegalStateException("no bronze table yet: run ingest first"));
    for (TenantConfig tenant : tenants) {
      List<CurateRun> tenantRuns = new ArrayList<>();
      Map<String, String> bronzeVersions = runLog.bronzeVersions(tenant.id());
      Map<String, String> curated = force ? Map.of() : runLog.curatedInputs(tenant.id());
      List<String> periods = periods(bronze, tenant.id(), onlyPeriod);
      for (String period : periods) {
        String inputs = CurateInputs.fingerprint(bronzeVersions.getOrDefault(period, "unrecorded"), tenant,
            validityRules, PERIOD_MODEL_NAMES);
        tenantRuns.add(report(inputs.equals(curated.get(period)) ? CurateRun.skipped(tenant.id(), period, inputs)
            : curatePeriod(runId, bronze, tenant, period, inputs)));
      }
      if (!periods.isEmpty()) {
        String inputs = CurateInputs.fingerprint(new java.util.TreeMap<>(bronzeVersions).toString(), tenant,
            validityRules, List.copyOf(TENANT_MARTS.keySet()));
        boolean unchanged = inputs.equals(curated.get(CurateRunLog.TENANT_WIDE))
            && tenantRuns.stream().allMatch(CurateRun::skipped);
        tenantRuns.add(report(unchanged ? CurateRun.skipped(tenant.id(), null, inputs)
            : curateTenant(runId, tenant, inputs)));
      }
      if (!tenantRuns.isEmpty()) {
        runLog.append(runId, tenantRuns, Instant.now());
      }
      runs.addAll(tenantRuns);
    }
    return runs;
  }

  private CurateRun report(CurateRun run) {
    progress.accept(run);
    return run;
  }

  private static List<String> periods(Dataset<Row> bronze, String tenant, Optional<BillingPeriod> onlyPeriod) {
    Dataset<Row> partitions = bronze.where(col("tenant_id").equalTo(lit(tenant)));
    if (onlyPeriod.isPresent()) {
      partitions = partitions.where(col("billing_period").equalTo(lit(onlyPeriod.get().toString())));
    }
    return partitions.select("billing_period").distinct().orderBy("billing_period").collectAsList()
        .stream().map(row -> row.getString(0)).toList();
  }

  private CurateRun curatePeriod(String runId, Dataset<Row> bronze, TenantConfig tenant, String period,
      String inputs) {
    Instant started = Instant.now();
    spark.sparkContext().setJobGroup("curate-" + tenant.id() + "-" + period,
        "curate tenant " + tenant.id() + " period " + period, false);
    Dataset<Row> costed = null;
    Dataset<Row> checked = null;
    try {
      Map<String, String> partition = Map.of("tenant_id", tenant.id(), "billing_period", period);
      checked = Quarantine.withReasons(bronze.where(col("tenant_id").equalTo(lit(tenant.id()))
          .and(col("billing_period").equalTo(lit(period)))), validityRules)
          .persist(StorageLevel.MEMORY_AND_DISK());
      // Nothing to quarantine and nothing quarantined before: no write (a Delta commit costs seconds).
      Dataset<Row> quarantinedRows = Quarantine.quarantined(checked);
      long quarantined = quarantinedRows.isEmpty() && !lake.hasRows(LakeTable.QUARANTINE, partition) ? 0
          : lake.replace(LakeTable.QUARANTINE, quarantinedRows, partition, marker(runId, "quarantine", tenant.id(), period));

      registerTenantInputs(tenant);
      models.input("bronze_cur_line_items", Quarantine.valid(checked));
      costed = models.runAll(PERIOD_MODELS.stream().map(SqlModel::load).toList(), parameters(tenant, period))
          .persist(StorageLevel.MEMORY_AND_DISK());
      costed.createOrReplaceTempView("int_line_items_costed");

      Map<String, Long> written = new LinkedHashMap<>();
      for (Map.Entry<String, LakeTable> mart : PERIOD_MARTS.entrySet()) {
        Dataset<Row> rows = models.run(SqlModel.load(mart.getKey()), parameters(tenant, period));
        written.put(mart.getKey(), lake.replace(mart.getValue(), rows, partition,
            marker(runId, mart.getKey(), tenant.id(), period)));
      }
      // focus_costs has one row per curated line item: its commit counts the valid rows.
      return new CurateRun(tenant.id(), period, RunStatus.SUCCEEDED, inputs, written.get("focus_costs"), quarantined,
          written, Duration.between(started, Instant.now()), null);
    } catch (RuntimeException e) {
      String error = "tenant '" + tenant.id() + "' period " + period + ": curation failed: " + SparkErrors.summary(e);
      LOG.warn("tenant={} period={} curate failed", tenant.id(), period, e);
      return new CurateRun(tenant.id(), period, RunStatus.FAILED, inputs, 0, 0, Map.of(),
          Duration.between(started, Instant.now()), error);
    } finally {
      if (costed != null) {
        costed.unpersist();
      }
      if (checked != null) {
        checked.unpersist();
      }
      spark.sparkContext().clearJobGroup();
    }
  }

  private CurateRun curateTenant(String runId, TenantConfig tenant, String inputs) {
    Instant started = Instant.now();
    spark.sparkContext().setJobGroup("curate-" + tenant.id(), "curate tenant-wide marts of " + tenant.id(), false);
    try {
      registerTenantInputs(tenant);
      models.input("fct_cost_daily", lake.read(LakeTable.FCT_COST_DAILY).orElseThrow()
          .where(col("tenant_id").equalTo(lit(tenant.id()))));
      Map<String, Long> written = new LinkedHashMap<>();
      for (Map.Entry<String, LakeTable> mart : TENANT_MARTS.entrySet()) {
        Dataset<Row> rows = models.run(SqlModel.load(mart.getKey()), parameters(tenant, null));
        written.put(mart.getKey(), lake.replace(mart.getValue(), rows, Map.of("tenant_id", tenant.id()),
            marker(runId, mart.getKey(), tenant.id(), "all")));
      }
      return new CurateRun(tenant.id(), null, RunStatus.SUCCEEDED, inputs, 0, 0, written,
          Duration.between(started, Instant.now()), null);
    } catch (RuntimeException e) {
      String error = "tenant '" + tenant.id() + "': tenant-wide marts failed: " + SparkErrors.summary(e);
      LOG.warn("tenant={} tenant-wide curate failed", tenant.id(), e);
      return new CurateRun(tenant.id(), null, RunStatus.FAILED, inputs, 0, 0, Map.of(),
          Duration.between(started, Instant.now()), error);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private void registerTenantInputs(TenantConfig tenant) {
    models.input("tenant_accounts", TenantDimensions.accounts(spark, tenant));
    models.input("tenant_tag_keys", TenantDimensions.tagKeys(spark, tenant));
  }

  private static Map<String, Object> parameters(TenantConfig tenant, String period) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("tenant_id", tenant.id());
    if (period != null) {
      parameters.put("billing_period", period);
    }
    return parameters;
  }

  private static String marker(String runId, String model, String tenant, String period) {
    return "curate run " + runId + " model " + model + " tenant " + tenant + " period " + period;
  }

  private static Map<String, LakeTable> orderedMap(Object... pairs) {
    Map<String, LakeTable> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (LakeTable) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
