package org.curlake.jobs.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.lake.BillingPeriods;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.spark.TenantParallelism;
import org.curlake.quality.QualityCheck;

/**
 * Runs the configured quality checks per tenant and billing period (Deequ for column metrics;
 * row-count and cost reconciliation in {@link PeriodChecks}, all periods of a tenant at once),
 * evaluates each tenant's freshness SLA as of a reference time that is passed in, appends the outcomes to {@code dq_results} and
 * {@code sla_status}, and posts failures and breaches to the webhook.
 */
public final class CheckJob {
  private final SparkSession spark;
  private final String lakeRoot;
  private final List<QualityCheck> checks;
  private final WebhookNotifier notifier;
  private final Consumer<String> progress;
  private final int tenantParallelism;

  /** Checks {@link TenantParallelism#DEFAULT} tenants at a time. */
  public CheckJob(SparkSession spark, String lakeRoot, List<QualityCheck> checks, WebhookNotifier notifier,
      Consumer<String> progress) {
    this(spark, lakeRoot, checks, notifier, progress, TenantParallelism.DEFAULT);
  }

  /** @param tenantParallelism tenants checked at a time, each in a session of its own ({@link TenantParallelism}) */
  public CheckJob(SparkSession spark, String lakeRoot, List<QualityCheck> checks, WebhookNotifier notifier,
      Consumer<String> progress, int tenantParallelism) {
    this.spark = spark;
    this.lakeRoot = lakeRoot;
    this.checks = List.copyOf(checks);
    this.notifier = notifier;
    this.progress = progress;
    this.tenantParallelism = tenantParallelism;
  }

  public CheckReport run(List<TenantConfig> tenants, Optional<BillingPeriod> onlyPeriod, Instant referenceTime) {
    String runId = UUID.randomUUID().toString();
    PartitionWriter lake = new PartitionWriter(spark, lakeRoot);
    if (lake.read(LakeTable.CUR_LINE_ITEMS).isEmpty()) {
      throw new IllegalStateException("no bronze table yet: run ingest first");
    }
    List<DqResult> results = new ArrayList<>();
    List<SlaStatus> sla = new ArrayList<>();
    // Reported, alerted and collected in the tenants' order, on this thread.
    new TenantParallelism(spark, tenantParallelism).map(tenants,
        (session, tenant) -> check(session, runId, tenant, onlyPeriod, referenceTime), checked -> {
          checked.byPeriod().forEach((period, periodResults) -> {
            periodResults.forEach(r -> progress.accept(r.progressLine()));
            results.addAll(periodResults);
            List<DqResult> failures = periodResults.stream().filter(DqResult::failed).toList();
            if (!failures.isEmpty()) {
              notifier.qualityFailures(checked.tenant(), period, failures);
            }
          });
          progress.accept(checked.sla().progressLine());
          sla.add(checked.sla());
          if (checked.sla().status() == SlaStatus.Status.BREACH) {
            notifier.slaBreach(checked.sla());
          }
        });
    if (!results.isEmpty()) {
      lake.append(LakeTable.DQ_RESULTS, QualityTables.dqResults(spark, results));
    }
    if (!sla.isEmpty()) {
      lake.append(LakeTable.SLA_STATUS, QualityTables.slaStatus(spark, sla));
    }
    return new CheckReport(runId, results, sla);
  }

  /** One tenant's check results per period, in period order, and its freshness. */
  private record TenantCheck(String tenant, Map<String, List<DqResult>> byPeriod, SlaStatus sla) {}

  private TenantCheck check(SparkSession session, String runId, TenantConfig tenant, Optional<BillingPeriod> onlyPeriod,
      Instant referenceTime) {
    PartitionWriter lake = new PartitionWriter(session, lakeRoot);
    session.sparkContext().setJobGroup("check-" + tenant.id(), "quality checks of tenant " + tenant.id(), false);
    try {
      Dataset<Row> tenantBronze = lake.read(LakeTable.CUR_LINE_ITEMS).orElseThrow()
          .where(col("tenant_id").equalTo(lit(tenant.id())));
      List<String> periods = onlyPeriod.map(p -> List.of(p.toString()))
          .orElseGet(() -> BillingPeriods.of(tenantBronze));
      Map<String, List<DqResult>> byPeriod = new PeriodChecks(lake, checks).run(runId, tenant.id(), periods,
          referenceTime);
      return new TenantCheck(tenant.id(), byPeriod, freshness(runId, tenant, tenantBronze, referenceTime));
    } finally {
      session.sparkContext().clearJobGroup();
    }
  }

  private static SlaStatus freshness(String runId, TenantConfig tenant, Dataset<Row> tenantBronze, Instant at) {
    Row latest = tenantBronze.agg(max("billing_period")).first();
    Optional<String> period = latest.isNullAt(0) ? Optional.empty() : Optional.of(latest.getString(0));
    Optional<Instant> usage = period.flatMap(p -> {
      Row row = tenantBronze.where(col("billing_period").equalTo(lit(p)))
          .agg(max("line_item_usage_start_date")).first();
      return row.isNullAt(0) ? Optional.empty() : Optional.of(row.getTimestamp(0).toInstant());
    });
    return SlaStatus.evaluate(runId, tenant.id(), tenant.source().freshnessSlaHours(), at, period, usage);
  }
}
