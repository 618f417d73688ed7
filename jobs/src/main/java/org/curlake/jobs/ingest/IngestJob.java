package org.curlake.jobs.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.curlake.jobs.spark.SparkErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests each tenant's CUR deliveries into the bronze {@code cur_line_items} Delta table. A period
 * is one atomic Delta commit that replaces the (tenant, period) partition ({@code replaceWhere}):
 * re-running is idempotent and a restated month keeps neither duplicates nor deleted rows. A bad
 * file, an empty period or a missing column fails that period only; bronze keeps what it had and
 * the other periods and tenants still run. Every attempt is recorded in {@code ingest_runs}.
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
    this.runLog = new IngestRunLog(spark, LakeTable.INGEST_RUNS.location(lakeRoot));
    this.hadoopConf = spark.sessionState().newHadoopConf();
    this.clock = clock;
    this.force = force;
    this.progress = progress;
  }

  /** Ingests every period found (or only {@code onlyPeriod}) of each tenant, in order. */
  public IngestReport run(List<TenantConfig> tenants, Optional<BillingPeriod> onlyPeriod) {
    String runId = UUID.randomUUID().toString();
    List<IngestRun> runs = new ArrayList<>();
    for (TenantConfig tenant : tenants) {
      runs.addAll(runTenant(runId, tenant, onlyPeriod));
    }
    return new IngestReport(runId, runs);
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
    List<IngestRun> runs = new ArrayList<>();
    for (PeriodDelivery delivery : deliveries) {
      IngestRun run = runPeriod(runId, tenant, delivery, ingested.get(delivery.period()));
      record(List.of(run));
      runs.add(run);
    }
    return runs;
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

  private IngestRun runPeriod(String runId, TenantConfig tenant, PeriodDelivery delivery, String ingestedFingerprint) {
    Instant started = clock.instant();
    String period = delivery.period().toString();
    String fingerprint = delivery.fingerprint();
    if (delivery.problem().isEmpty() && fingerprint.equals(ingestedFingerprint)) {
      return new IngestRun(runId, tenant.id(), period, null, delivery.paths(), fingerprint, 0, 0,
          started, clock.instant(), RunStatus.SKIPPED, null);
    }
    spark.sparkContext().setJobGroup("ingest-" + tenant.id() + "-" + period,
        "ingest CUR of tenant " + tenant.id() + " period " + period, false);
    try {
      delivery.problem().ifPresent(problem -> {
        throw new IngestFailure(tenant.id(), delivery.period(), null, problem);
      });
      DeliveryInspection inspection = new DeliveryInspector(spark, hadoopConf)
          .inspect(tenant.id(), delivery, tenant.source().format());
      Dataset<Row> bronze = normalizedRows(inspection, tenant.id(), delivery.period());
      long written = writer.replace(LakeTable.CUR_LINE_ITEMS, bronze,
          Map.of("tenant_id", tenant.id(), "billing_period", period),
          "ingest run " + runId + " tenant " + tenant.id() + " period " + period);
      return new IngestRun(runId, tenant.id(), period, inspection.format().configName(), delivery.paths(),
          fingerprint, inspection.rowsIn(), written, started, clock.instant(), RunStatus.SUCCEEDED, null);
    } catch (RuntimeException e) {
      String error = e instanceof IngestFailure ? e.getMessage()
          : new IngestFailure(tenant.id(), delivery.period(), null,
              "read or write failed: " + SparkErrors.summary(e)).getMessage();
      LOG.warn("tenant={} period={} ingest failed: {}", tenant.id(), period, error, e);
      return new IngestRun(runId, tenant.id(), period, null, delivery.paths(), fingerprint, 0, 0,
          started, clock.instant(), RunStatus.FAILED, error);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
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
