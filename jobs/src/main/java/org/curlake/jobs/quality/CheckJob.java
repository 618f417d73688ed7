package org.curlake.jobs.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.quality.QualityCheck;
import scala.util.Try;

/**
 * Runs the configured quality checks per tenant and billing period (Deequ for column metrics;
 * row-count and cost reconciliation here), evaluates each tenant's freshness SLA as of a
 * reference time that is passed in, appends the outcomes to {@code dq_results} and
 * {@code sla_status}, and posts failures and breaches to the webhook.
 */
public final class CheckJob {
  private final SparkSession spark;
  private final PartitionWriter lake;
  private final List<QualityCheck> checks;
  private final WebhookNotifier notifier;
  private final Consumer<String> progress;

  public CheckJob(SparkSession spark, String lakeRoot, List<QualityCheck> checks, WebhookNotifier notifier,
      Consumer<String> progress) {
    this.spark = spark;
    this.lake = new PartitionWriter(spark, lakeRoot);
    this.checks = List.copyOf(checks);
    this.notifier = notifier;
    this.progress = progress;
  }

  public CheckReport run(List<TenantConfig> tenants, Optional<BillingPeriod> onlyPeriod, Instant referenceTime) {
    String runId = UUID.randomUUID().toString();
    Dataset<Row> bronze = lake.read(LakeTable.CUR_LINE_ITEMS)
        .orElseThrow(() -> new IllegalStateException("no bronze table yet: run ingest first"));
    List<DqResult> results = new ArrayList<>();
    List<SlaStatus> sla = new ArrayList<>();
    for (TenantConfig tenant : tenants) {
      spark.sparkContext().setJobGroup("check-" + tenant.id(), "quality checks of tenant " + tenant.id(), false);
      try {
        Dataset<Row> tenantBronze = bronze.where(col("tenant_id").equalTo(lit(tenant.id())));
        List<String> periods = onlyPeriod.map(p -> List.of(p.toString())).orElseGet(() ->
            tenantBronze.select("billing_period").distinct().orderBy("billing_period").collectAsList().stream()
                .map(r -> r.getString(0)).toList());
        for (String period : periods) {
          List<DqResult> periodResults = checkPeriod(runId, tenant.id(), period, referenceTime);
          periodResults.forEach(r -> progress.accept(r.progressLine()));
          results.addAll(periodResults);
          List<DqResult> failures = periodResults.stream().filter(DqResult::failed).toList();
          if (!failures.isEmpty()) {
            notifier.qualityFailures(tenant.id(), period, failures);
          }
        }
        SlaStatus status = freshness(runId, tenant, tenantBronze, referenceTime);
        progress.accept(status.progressLine());
        sla.add(status);
        if (status.status() == SlaStatus.Status.BREACH) {
          notifier.slaBreach(status);
        }
      } finally {
        spark.sparkContext().clearJobGroup();
      }
    }
    if (!results.isEmpty()) {
      lake.append(LakeTable.DQ_RESULTS, QualityTables.dqResults(spark, results));
    }
    if (!sla.isEmpty()) {
      lake.append(LakeTable.SLA_STATUS, QualityTables.slaStatus(spark, sla));
    }
    return new CheckReport(runId, results, sla);
  }

  private List<DqResult> checkPeriod(String runId, String tenant, String period, Instant at) {
    Map<String, List<QualityCheck>> byTable = new LinkedHashMap<>();
    checks.forEach(check -> byTable.computeIfAbsent(check.table(), t -> new ArrayList<>()).add(check));
    List<DqResult> results = new ArrayList<>();
    for (Map.Entry<String, List<QualityCheck>> entry : byTable.entrySet()) {
      Optional<Dataset<Row>> table = partition(entry.getKey(), tenant, period);
      if (table.isEmpty()) {
        entry.getValue().forEach(check -> results.add(DqResult.error(runId, tenant, period, check,
            "table " + entry.getKey() + " does not exist in the lake (or is not a lake table)", at)));
        continue;
      }
      List<QualityCheck> deequ = entry.getValue().stream().filter(c -> DeequMetrics.computedByDeequ(c.metric())).toList();
      if (!deequ.isEmpty()) {
        try {
          DeequMetrics.compute(table.get(), deequ).forEach((check, value) -> results.add(fromDeequ(runId, tenant,
              period, check, value, at)));
        } catch (RuntimeException e) {
          deequ.forEach(check -> results.add(DqResult.error(runId, tenant, period, check,
              "Deequ analysis failed: " + e.getMessage(), at)));
        }
      }
      for (QualityCheck check : entry.getValue()) {
        if (check.metric() == QualityCheck.Metric.ROW_COUNT_MATCHES_SOURCE) {
          results.add(rowCountMatchesSource(runId, tenant, period, check, table.get(), at));
        } else if (check.metric() == QualityCheck.Metric.COST_RECONCILES) {
          results.add(costReconciles(runId, tenant, period, check, table.get(), at));
        }
      }
    }
    return results;
  }

  private static DqResult fromDeequ(String runId, String tenant, String period, QualityCheck check, Try<Object> value,
      Instant at) {
    if (value.isFailure()) {
      return DqResult.error(runId, tenant, period, check, value.failed().get().getMessage(), at);
    }
    double metric = ((Number) value.get()).doubleValue();
    return DqResult.measured(runId, tenant, period, check, metric,
        String.format(java.util.Locale.ROOT, "%s of %s = %.6f", check.metric().name().toLowerCase(),
            check.columns(), metric), at);
  }

  /** The (tenant, period) rows of a lake table named in the rules; tenant-wide tables by tenant only. */
  private Optional<Dataset<Row>> partition(String tableName, String tenant, String period) {
    for (LakeTable table : LakeTable.values()) {
      if (table.tableName().equals(tableName)) {
        return lake.read(table).map(rows -> {
          Dataset<Row> tenantRows = rows.where(col("tenant_id").equalTo(lit(tenant)));
          return table.partitionColumns().contains("billing_period")
              ? tenantRows.where(col("billing_period").equalTo(lit(period))) : tenantRows;
        });
      }
    }
    return Optional.empty();
  }

  private DqResult rowCountMatchesSource(String runId, String tenant, String period, QualityCheck check,
      Dataset<Row> table, Instant at) {
    Optional<Long> source = lake.read(LakeTable.INGEST_RUNS).flatMap(runs -> runs
        .where(col("tenant_id").equalTo(lit(tenant)).and(col("billing_period").equalTo(lit(period)))
            .and(col("status").equalTo(lit("SUCCEEDED"))))
        .orderBy(col("ended_at").desc()).limit(1).select("rows_in").collectAsList().stream().findFirst()
        .map(r -> r.getLong(0)));
    long rows = table.count();
    if (source.isEmpty()) {
      return DqResult.error(runId, tenant, period, check, "no successful ingest run records the source rows", at);
    }
    return DqResult.measured(runId, tenant, period, check, rows == source.get() ? 1 : 0,
        check.table() + " rows=" + rows + " source rows=" + source.get(), at);
  }

  private DqResult costReconciles(String runId, String tenant, String period, QualityCheck check,
      Dataset<Row> table, Instant at) {
    BigDecimal marts = total(table, "unblended_cost");
    BigDecimal quarantined = partition(LakeTable.QUARANTINE.tableName(), tenant, period)
        .map(rows -> total(rows, "line_item_unblended_cost")).orElse(BigDecimal.ZERO);
    BigDecimal bronze = partition(LakeTable.CUR_LINE_ITEMS.tableName(), tenant, period)
        .map(rows -> total(rows, "line_item_unblended_cost")).orElse(BigDecimal.ZERO);
    BigDecimal difference = marts.add(quarantined).subtract(bronze).abs();
    boolean reconciles = difference.compareTo(HALF_CENT) < 0;
    return DqResult.measured(runId, tenant, period, check, reconciles ? 1 : 0,
        check.table() + " unblended " + cents(marts) + " + quarantined " + cents(quarantined)
            + " vs bronze " + cents(bronze) + ", difference " + difference.toPlainString(), at);
  }

  private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

  private static BigDecimal total(Dataset<Row> rows, String column) {
    Row row = rows.agg(sum(col(column))).first();
    return row.isNullAt(0) ? BigDecimal.ZERO : row.getDecimal(0);
  }

  private static String cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
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
