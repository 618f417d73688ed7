package org.curlake.jobs.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.spark.LineItemExecution;
import org.curlake.jobs.spark.SparkErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests each tenant's CUR deliveries into the bronze {@code cur_line_items} Delta table. The new or
 * changed periods of a tenant are inspected one by one, then replaced in one atomic Delta commit
 * ({@code replaceWhere} on their (tenant, period) partitions; one job reads all their files in
 * parallel): re-running is idempotent and a restated month keeps neither duplicates nor deleted
 * rows. A bad file, an empty period or a missing column fails that period only (found by inspection,
 * or by writing each period on its own when the combined write fails); bronze keeps what it had and
 * the other periods and tenants still run. Every attempt is recorded in {@code ingest_runs}, one
 * append per tenant.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  private final SparkSession spark;
  private final PartitionWriter writer;
  private final IngestRunLog runLog;
  private final Configuration hadoopConf;
  private final Clock clock;
  private final boolean force;
  private final Consumer<IngestRun> progress;

  /**
   * @param lakeRoot the lake's root (local folder or s3a:// prefix)
   * @param force re-ingest deliveries that were already ingested unchanged
   * @param progress called once per finished attempt
   */
  public IngestJob(SparkSession spark, String lakeRoot, Clock clock, boolean force, Consumer<IngestRun> progress) {
    this.spark = spark;
    this.writer = new PartitionWriter(spark, lakeRoot);
    this.runLog = new IngestRunLog(spark, writer);
    this.hadoopConf = spark.sessionState().newHadoopConf();
    this.clock = clock;
    this.force = force;
    this.progress = progress;
  }

  /**
   * Ingests every period found (or only {@code onlyPeriod}) of each tenant, in order, with the
   * execution settings of the jobs that transform every line item ({@link LineItemExecution}).
   */
  public IngestReport run(List<TenantConfig> tenants, Optional<BillingPeriod> onlyPeriod) {
    return LineItemExecution.run(spark, () -> {
      String runId = UUID.randomUUID().toString();
      List<IngestRun> runs = new ArrayList<>();
      for (TenantConfig tenant : tenants) {
        runs.addAll(runTenant(runId, tenant, onlyPeriod));
      }
      return new IngestReport(runId, runs);
    });
  }

  private List<IngestRun> runTenant(String runId, TenantConfig tenant, Optional<BillingPeriod> onlyPeriod) {
    Instant started = clock.instant();
    List<PeriodDelivery> deliveries;
    try {
      deliveries = selectPeriods(tenant.id(), new SourceDiscovery(hadoopConf).discover(tenant.id(),
          tenant.source().location()), onlyPeriod);
    } catch (IngestFailure e) {
      IngestRun failed = new IngestRun(runId, tenant.id(), onlyPeriod.map(BillingPeriod::toString).orElse(null),
          null, List.of(), null, 0, 0, started, clock.instant(), RunStatus.FAILED, e.getMessage());
      record(List.of(failed));
      return List.of(failed);
    }
    Map<BillingPeriod, String> ingested = force ? Map.of() : runLog.ingestedDeliveries(tenant.id());
    Map<BillingPeriod, IngestRun> runs = new LinkedHashMap<>();
    Map<BillingPeriod, Inspected> toWrite = new LinkedHashMap<>();
    for (PeriodDelivery delivery : deliveries) {
      Instant periodStarted = clock.instant();
      String fingerprint = delivery.fingerprint();
      if (delivery.problem().isEmpty() && fingerprint.equals(ingested.get(delivery.period()))) {
        runs.put(delivery.period(), new IngestRun(runId, tenant.id(), delivery.period().toString(), null,
            delivery.paths(), fingerprint, 0, 0, periodStarted, clock.instant(), RunStatus.SKIPPED, null));
        continue;
      }
      try {
        toWrite.put(delivery.period(), inspect(tenant, delivery, periodStarted));
      } catch (Exception e) {
        runs.put(delivery.period(), failed(runId, tenant, delivery, periodStarted, e));
      }
    }
    runs.putAll(write(runId, tenant, toWrite));
    List<IngestRun> ordered = deliveries.stream().map(d -> runs.get(d.period())).toList();
    record(ordered);
    return ordered;
  }

  /** A period whose delivery passed inspection: its normalised rows, ready to be written. */
  private record Inspected(PeriodDelivery delivery, DeliveryInspection inspection, Dataset<Row> rows, Instant started) {}

  private Inspected inspect(TenantConfig tenant, PeriodDelivery delivery, Instant started) {
    delivery.problem().ifPresent(problem -> {
      throw new IngestFailure(tenant.id(), delivery.period(), null, problem);
    });
    spark.sparkContext().setJobGroup("ingest-" + tenant.id() + "-" + delivery.period(),
        "inspect CUR of tenant " + tenant.id() + " period " + delivery.period(), false);
    try {
      DeliveryInspection inspection = new DeliveryInspector(spark, hadoopConf)
          .inspect(tenant.id(), delivery, tenant.source().format());
      return new Inspected(delivery, inspection, normalizedRows(inspection, tenant.id(), delivery.period()), started);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /**
   * Writes the inspected periods of a tenant: all in one commit (one job reading every file, so the
   * files of all periods are read in parallel), or, when that fails or there is only one, each
   * period in its own commit, so one bad file fails only its period.
   */
  private Map<BillingPeriod, IngestRun> write(String runId, TenantConfig tenant, Map<BillingPeriod, Inspected> periods) {
    Map<BillingPeriod, IngestRun> result = new LinkedHashMap<>();
    if (periods.size() > 1) {
      try {
        return writeAll(runId, tenant, periods);
      } catch (Exception e) {
        LOG.warn("tenant={} periods={} batched ingest failed, ingesting each period on its own: {}", tenant.id(),
            periods.keySet(), SparkErrors.summary(e));
      }
    }
    periods.forEach((period, inspected) -> result.put(period, writeOne(runId, tenant, inspected)));
    return result;
  }

  private Map<BillingPeriod, IngestRun> writeAll(String runId, TenantConfig tenant, Map<BillingPeriod, Inspected> periods) {
    List<String> names = periods.keySet().stream().map(BillingPeriod::toString).toList();
    String label = names.get(0) + ".." + names.get(names.size() - 1);
    spark.sparkContext().setJobGroup("ingest-" + tenant.id() + "-" + label,
        "ingest CUR of tenant " + tenant.id() + " periods " + names, false);
    try {
      Dataset<Row> rows = periods.values().stream().map(Inspected::rows).reduce(Dataset::union).orElseThrow();
      long written = writer.replacePeriods(LakeTable.CUR_LINE_ITEMS, rows, tenant.id(), names,
          "ingest run " + runId + " tenant " + tenant.id() + " periods " + label);
      long rowsIn = periods.values().stream().mapToLong(p -> p.inspection().rowsIn()).sum();
      // Normalising keeps every row: the commit must hold exactly the rows the footers announced, so
      // each period's rows written are its rows in.
      if (written != rowsIn) {
        throw new IllegalStateException("tenant '" + tenant.id() + "' periods " + names + ": bronze commit wrote "
            + written + " rows for " + rowsIn + " rows in the files");
      }
      Instant ended = clock.instant();
      Map<BillingPeriod, IngestRun> runs = new LinkedHashMap<>();
      periods.forEach((period, p) -> runs.put(period, succeeded(runId, tenant, p, p.inspection().rowsIn(), ended)));
      return runs;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private IngestRun writeOne(String runId, TenantConfig tenant, Inspected inspected) {
    String period = inspected.delivery().period().toString();
    spark.sparkContext().setJobGroup("ingest-" + tenant.id() + "-" + period,
        "ingest CUR of tenant " + tenant.id() + " period " + period, false);
    try {
      long written = writer.replace(LakeTable.CUR_LINE_ITEMS, inspected.rows(),
          Map.of("tenant_id", tenant.id(), "billing_period", period),
          "ingest run " + runId + " tenant " + tenant.id() + " period " + period);
      return succeeded(runId, tenant, inspected, written, clock.instant());
    } catch (Exception e) {
      return failed(runId, tenant, inspected.delivery(), inspected.started(), e);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  private static IngestRun succeeded(String runId, TenantConfig tenant, Inspected p, long written, Instant ended) {
    return new IngestRun(runId, tenant.id(), p.delivery().period().toString(), p.inspection().format().configName(),
        p.delivery().paths(), p.delivery().fingerprint(), p.inspection().rowsIn(), written, p.started(), ended,
        RunStatus.SUCCEEDED, null);
  }

  private IngestRun failed(String runId, TenantConfig tenant, PeriodDelivery delivery, Instant started, Exception e) {
    String error = e instanceof IngestFailure ? e.getMessage()
        : new IngestFailure(tenant.id(), delivery.period(), null, SparkErrors.raised(e, MoneyCast.DOES_NOT_FIT)
            .orElseGet(() -> "read or write failed: " + SparkErrors.summary(e))).getMessage();
    LOG.warn("tenant={} period={} ingest failed: {}", tenant.id(), delivery.period(), error, e);
    return new IngestRun(runId, tenant.id(), delivery.period().toString(), null, delivery.paths(),
        delivery.fingerprint(), 0, 0, started, clock.instant(), RunStatus.FAILED, error);
  }

  private static List<PeriodDelivery> selectPeriods(
      String tenant, List<PeriodDelivery> found, Optional<BillingPeriod> onlyPeriod) {
    if (onlyPeriod.isEmpty()) {
      if (found.isEmpty()) {
        throw new IngestFailure(tenant, null, null, "no billing periods found: the source holds no Parquet files "
            + "in year=YYYY/month=M/ or BILLING_PERIOD=YYYY-MM/ folders");
      }
      return found;
    }
    return List.of(found.stream().filter(d -> d.period().equals(onlyPeriod.get())).findFirst()
        .orElse(new PeriodDelivery(onlyPeriod.get(), List.of())));
  }

  /**
   * Reads and normalises the period's files: files with the same columns are one scan; files whose
   * columns drifted are normalised apart, so their canonical rows always line up.
   */
  private Dataset<Row> normalizedRows(DeliveryInspection inspection, String tenant, BillingPeriod period) {
    Dataset<Row> result = null;
    for (Map.Entry<StructType, List<String>> group : inspection.filesBySchema().entrySet()) {
      Dataset<Row> raw = spark.read().schema(group.getKey()).parquet(group.getValue().toArray(String[]::new));
      if (inspection.format() == org.curlake.config.SourceFormat.FOCUS) {
        raw = FocusNormalizer.toCurColumns(raw);
      }
      Dataset<Row> part = CurNormalizer.normalize(raw, tenant, period);
      result = result == null ? part : result.union(part);
    }
    return result;
  }

  private void record(List<IngestRun> runs) {
    runLog.append(runs);
    runs.forEach(progress);
  }
}
