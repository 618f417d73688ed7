package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.RunStatus;
import org.curlake.jobs.lake.BillingPeriods;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.spark.LineItemExecution;
import org.curlake.jobs.spark.SparkErrors;
import org.curlake.quality.ValidityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Curates bronze into the marts by running the SQL models, per tenant and billing period:
 * validity rules split bronze into curated rows and quarantine; staging, intermediate and the
 * period marts are computed for all the periods of a tenant that changed, and each mart's changed
 * (tenant, period) partitions are replaced in one Delta commit. Then the tenant-wide marts (monthly
 * summary, dimensions) are updated from the daily table ({@link TenantMarts}). A failing period
 * leaves its marts as they were and the other periods and tenants run.
 */
public final class CurateJob {
  /** Models computed per billing period, in order; each selects from the ones before it. */
  public static final List<String> PERIOD_MODELS = List.of("stg_cur_line_items", "int_line_items_costed");
  /** The per-period marts and the tables they are written to. */
  public static final Map<String, LakeTable> PERIOD_MARTS = orderedMap(
      "fct_cost_daily", LakeTable.FCT_COST_DAILY,
      "fct_cost_by_tag", LakeTable.FCT_COST_BY_TAG,
      "focus_costs", LakeTable.FOCUS_COSTS);
  /**
   * The period marts that aggregate the line items: written with whole-stage codegen
   * ({@link LineItemExecution#aggregating}), where focus_costs, one row per line item, is not.
   */
  public static final Set<String> PERIOD_AGGREGATIONS = Set.of("fct_cost_daily", "fct_cost_by_tag");
  /** The tenant-wide marts, rebuilt from every curated period of fct_cost_daily. */
  public static final Map<String, LakeTable> TENANT_MARTS = orderedMap(
      "fct_cost_monthly", LakeTable.FCT_COST_MONTHLY,
      "dim_accounts", LakeTable.DIM_ACCOUNTS,
      "dim_services", LakeTable.DIM_SERVICES);

  private static final List<String> PERIOD_MODEL_NAMES = Stream.concat(
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
   * then its tenant-wide marts when any period changed. The changed periods of a tenant are
   * curated in one pass (one commit per mart for all of them); when that pass fails, each period is
   * curated on its own, so one bad period does not keep the others from being curated. Runs with the
   * execution settings of the jobs that transform every line item ({@link LineItemExecution}).
   */
  public List<CurateRun> run(List<TenantConfig> tenants, Optional<BillingPeriod> onlyPeriod) {
    return LineItemExecution.run(spark, () -> curate(tenants, onlyPeriod));
  }

  private List<CurateRun> curate(List<TenantConfig> tenants, Optional<BillingPeriod> onlyPeriod) {
    String runId = UUID.randomUUID().toString();
    List<CurateRun> runs = new ArrayList<>();
    Dataset<Row> bronze = lake.read(LakeTable.CUR_LINE_ITEMS)
        .orElseThrow(() -> new IllegalStateException("no bronze table yet: run ingest first"));
    for (TenantConfig tenant : tenants) {
      List<CurateRun> tenantRuns = new ArrayList<>();
      Map<String, String> bronzeVersions = runLog.bronzeVersions(tenant.id());
      CurateRunLog.History history = force ? CurateRunLog.History.none() : runLog.history(tenant.id());
      Map<String, String> curated = history.curatedInputs();
      List<String> periods = periods(bronze, tenant.id(), onlyPeriod);
      Map<String, String> changed = new LinkedHashMap<>();
      for (String period : periods) {
        String inputs = CurateInputs.fingerprint(bronzeVersions.getOrDefault(period, "unrecorded"), tenant,
            validityRules, PERIOD_MODEL_NAMES);
        if (!inputs.equals(curated.get(period))) {
          changed.put(period, inputs);
        }
      }
      Map<String, CurateRun> curatedNow = curateChanged(runId, bronze, tenant, changed);
      for (String period : periods) {
        tenantRuns.add(report(curatedNow.containsKey(period) ? curatedNow.get(period)
            : CurateRun.skipped(tenant.id(), period, curated.get(period))));
      }
      if (!periods.isEmpty()) {
        String inputs = tenantWideFingerprint(tenant, bronzeVersions);
        String previous = curated.get(CurateRunLog.TENANT_WIDE);
        boolean unchanged = inputs.equals(previous) && tenantRuns.stream().allMatch(CurateRun::skipped);
        // Incremental only when the marts match what the period marts were before this run.
        boolean incremental = history.tenantWideCurrent() && previous != null
            && logicOf(previous).equals(logicOf(inputs));
        Optional<Set<String>> changedPeriods = incremental
            ? Optional.of(new TreeSet<>(curatedNow.values().stream().filter(run -> !run.failed())
                .map(CurateRun::billingPeriod).toList()))
            : Optional.empty();
        tenantRuns.add(report(unchanged ? CurateRun.skipped(tenant.id(), null, inputs)
            : curateTenant(runId, tenant, inputs, changedPeriods)));
      }
      if (!tenantRuns.isEmpty()) {
        runLog.append(runId, tenantRuns, Instant.now());
      }
      runs.addAll(tenantRuns);
    }
    return runs;
  }

  /**
   * The tenant-wide marts' fingerprint: "logic/data", the logic (config, rules, SQL) apart from the
   * bronze versions, so that a change of logic is told from a change of data (which allows an
   * incremental update).
   */
  private String tenantWideFingerprint(TenantConfig tenant, Map<String, String> bronzeVersions) {
    List<String> models = List.copyOf(TENANT_MARTS.keySet());
    return CurateInputs.fingerprint("", tenant, validityRules, models) + "/"
        + CurateInputs.fingerprint(new TreeMap<>(bronzeVersions).toString(), tenant, validityRules, models);
  }

  private static String logicOf(String tenantWideFingerprint) {
    int slash = tenantWideFingerprint.indexOf('/');
    return slash < 0 ? "" : tenantWideFingerprint.substring(0, slash);
  }

  /** Curates the changed periods (period → inputs fingerprint): in one pass, or one by one when it fails. */
  private Map<String, CurateRun> curateChanged(String runId, Dataset<Row> bronze, TenantConfig tenant,
      Map<String, String> changed) {
    if (changed.size() > 1) {
      try {
        return curatePass(runId, bronze, tenant, changed);
      } catch (Exception e) {
        LOG.warn("tenant={} periods={} batched curation failed, curating each period on its own: {}", tenant.id(),
            changed.keySet(), SparkErrors.summary(e));
      }
    }
    Map<String, CurateRun> result = new LinkedHashMap<>();
    changed.forEach((period, inputs) -> result.put(period, curateAlone(runId, bronze, tenant, period, inputs)));
    return result;
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
    return BillingPeriods.of(partitions);
  }

  /** Curates one period in a pass of its own; a failure is recorded as the period's FAILED run. */
  private CurateRun curateAlone(String runId, Dataset<Row> bronze, TenantConfig tenant, String period,
      String inputs) {
    Instant started = Instant.now();
    try {
      return curatePass(runId, bronze, tenant, Map.of(period, inputs)).get(period);
    } catch (Exception e) {
      String error = "tenant '" + tenant.id() + "' period " + period + ": curation failed: " + SparkErrors.summary(e);
      LOG.warn("tenant={} period={} curate failed", tenant.id(), period, e);
      return new CurateRun(tenant.id(), period, RunStatus.FAILED, inputs, 0, 0, Map.of(),
          Duration.between(started, Instant.now()), error);
    }
  }

  /**
   * Curates periods of a tenant in one pass: one job and one commit per mart replacing all of them,
   * over the rows that break no validity rule. Then the line items are accounted for: each period's
   * bronze rows not in focus_costs (one row per curated line item) are the quarantined ones, and the
   * quarantine write (rows tagged with the rules they break) must hold exactly that many. Both counts
   * read the partitions only, so there is no pass over the line items for them. Nothing is cached: each
   * mart reads the bronze columns it needs (a wide cache of every line item cost more to build than the
   * scans it saved). Throws when any step fails.
   */
  private Map<String, CurateRun> curatePass(String runId, Dataset<Row> bronze, TenantConfig tenant,
      Map<String, String> inputs) {
    Instant started = Instant.now();
    List<String> periods = List.copyOf(inputs.keySet());
    String label = periods.size() == 1 ? periods.get(0) : periods.get(0) + ".." + periods.get(periods.size() - 1);
    spark.sparkContext().setJobGroup("curate-" + tenant.id() + "-" + label,
        "curate tenant " + tenant.id() + " periods " + periods, false);
    try {
      Dataset<Row> rows = bronze.where(col("tenant_id").equalTo(lit(tenant.id()))
          .and(col("billing_period").isin(periods.toArray())));
      PeriodViews.register(spark, models, tenant, Quarantine.valid(rows, validityRules), parameters(tenant, null));
      Map<String, Long> written = new LinkedHashMap<>();
      for (Map.Entry<String, LakeTable> mart : PERIOD_MARTS.entrySet()) {
        Dataset<Row> martRows = models.run(SqlModel.load(mart.getKey()), parameters(tenant, null));
        written.put(mart.getKey(), writingMart(spark, mart.getKey(), () -> lake.replacePeriods(mart.getValue(),
            martRows, tenant.id(), periods, marker(runId, mart.getKey(), tenant.id(), label))));
      }
      Map<String, Long> valid = BillingPeriods.rowCounts(lake.read(LakeTable.FOCUS_COSTS).orElseThrow()
          .where(col("tenant_id").equalTo(lit(tenant.id())).and(col("billing_period").isin(periods.toArray()))));
      Map<String, Long> all = BillingPeriods.rowCounts(rows);
      long quarantined = 0;
      for (String period : periods) {
        quarantined += all.getOrDefault(period, 0L) - valid.getOrDefault(period, 0L);
      }
      // Nothing to quarantine and nothing quarantined before: no write (a Delta commit costs seconds).
      if (quarantined != 0 || lake.hasRows(LakeTable.QUARANTINE, tenant.id(), periods)) {
        long wrote = lake.replacePeriods(LakeTable.QUARANTINE, Quarantine.quarantined(rows, validityRules),
            tenant.id(), periods, marker(runId, "quarantine", tenant.id(), label));
        if (wrote != quarantined) {
          throw new IllegalStateException("tenant '" + tenant.id() + "' periods " + periods + ": " + quarantined
              + " bronze rows are not in focus_costs but " + wrote + " break a validity rule");
        }
      }
      LOG.info("tenant={} periods={} curated in one pass: rows written {}", tenant.id(), periods, written);
      Duration took = Duration.between(started, Instant.now());
      Map<String, CurateRun> runs = new LinkedHashMap<>();
      inputs.forEach((period, fingerprint) -> {
        long validRows = valid.getOrDefault(period, 0L);
        runs.put(period, new CurateRun(tenant.id(), period, RunStatus.SUCCEEDED, fingerprint, validRows,
            all.getOrDefault(period, 0L) - validRows, periods.size() == 1 ? written : Map.of(), took, null));
      });
      return runs;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Runs the write of a period mart with the execution settings of its kind ({@link #PERIOD_AGGREGATIONS}). */
  public static <T> T writingMart(SparkSession spark, String mart, Supplier<T> write) {
    return PERIOD_AGGREGATIONS.contains(mart) ? LineItemExecution.aggregating(spark, write) : write.get();
  }

  private CurateRun curateTenant(String runId, TenantConfig tenant, String inputs,
      Optional<Set<String>> changedPeriods) {
    Instant started = Instant.now();
    spark.sparkContext().setJobGroup("curate-" + tenant.id(), "curate tenant-wide marts of " + tenant.id(), false);
    try {
      PeriodViews.registerTenantInputs(spark, models, tenant);
      Map<String, Long> written = new TenantMarts(lake, models).build(runId, tenant, changedPeriods);
      return new CurateRun(tenant.id(), null, RunStatus.SUCCEEDED, inputs, 0, 0, written,
          Duration.between(started, Instant.now()), null);
    } catch (Exception e) {
      String error = "tenant '" + tenant.id() + "': tenant-wide marts failed: " + SparkErrors.summary(e);
      LOG.warn("tenant={} tenant-wide curate failed", tenant.id(), e);
      return new CurateRun(tenant.id(), null, RunStatus.FAILED, inputs, 0, 0, Map.of(),
          Duration.between(started, Instant.now()), error);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private static Map<String, Object> parameters(TenantConfig tenant, String period) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("tenant_id", tenant.id());
    if (period != null) {
      parameters.put("billing_period", period);
    }
    return parameters;
  }

  static String marker(String runId, String model, String tenant, String period) {
    return "curate run " + runId + " model " + model + " tenant " + tenant + " period " + period;
  }

  private static Map<String, LakeTable> orderedMap(Object... pairs) {
    Map<String, LakeTable> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (LakeTable) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
