package org.curlake.jobs.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.quality.QualityCheck;
import scala.util.Try;

/**
 * The quality checks of a tenant's billing periods, all periods at once: per table one Deequ
 * analysis run whose analyzers are filtered per period (one pass for the scan-shareable metrics),
 * and the row counts and cost totals of every period from one aggregation per table, instead of a
 * scan per period and metric. Each result still belongs to its own period.
 */
final class PeriodChecks {
  private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

  private final PartitionWriter lake;
  private final List<QualityCheck> checks;

  PeriodChecks(PartitionWriter lake, List<QualityCheck> checks) {
    this.lake = lake;
    this.checks = List.copyOf(checks);
  }

  /** Period → its results, in the order of the configured checks grouped by table. */
  Map<String, List<DqResult>> run(String runId, String tenant, List<String> periods, Instant at) {
    Map<String, List<DqResult>> results = new LinkedHashMap<>();
    periods.forEach(period -> results.put(period, new ArrayList<>()));
    if (periods.isEmpty()) {
      return results;
    }
    Map<String, List<QualityCheck>> byTable = new LinkedHashMap<>();
    checks.forEach(check -> byTable.computeIfAbsent(check.table(), t -> new ArrayList<>()).add(check));
    for (Map.Entry<String, List<QualityCheck>> entry : byTable.entrySet()) {
      Optional<LakeTable> table = lakeTable(entry.getKey());
      Optional<Dataset<Row>> rows = table.flatMap(lake::read).map(r -> r.where(col("tenant_id").equalTo(lit(tenant))));
      if (rows.isEmpty()) {
        results.forEach((period, ofPeriod) -> entry.getValue().forEach(check -> ofPeriod.add(DqResult.error(runId,
            tenant, period, check, "table " + entry.getKey() + " does not exist in the lake (or is not a lake table)",
            at))));
        continue;
      }
      boolean periodic = table.get().partitionColumns().contains("billing_period");
      Dataset<Row> selected = periodic
          ? rows.get().where(col("billing_period").isin(periods.toArray())) : rows.get();
      List<QualityCheck> deequ = entry.getValue().stream().filter(c -> DeequMetrics.computedByDeequ(c.metric())).toList();
      if (!deequ.isEmpty()) {
        deequResults(runId, tenant, periods, at, selected, periodic, deequ, results);
      }
      for (QualityCheck check : entry.getValue()) {
        if (check.metric() == QualityCheck.Metric.ROW_COUNT_MATCHES_SOURCE) {
          rowCountsMatchSource(runId, tenant, check, byPeriod(selected, periodic, periods, count(lit(1))), at, results);
        } else if (check.metric() == QualityCheck.Metric.COST_RECONCILES) {
          costReconciles(runId, tenant, check, byPeriod(selected, periodic, periods, sum(col("unblended_cost"))),
              at, results);
        }
      }
    }
    return results;
  }

  private static void deequResults(String runId, String tenant, List<String> periods, Instant at,
      Dataset<Row> selected, boolean periodic, List<QualityCheck> deequ, Map<String, List<DqResult>> results) {
    try {
      Map<String, Map<QualityCheck, Try<Object>>> values = new LinkedHashMap<>();
      if (periodic) {
        values.putAll(DeequMetrics.computeByPeriod(selected, deequ, periods));
      } else {
        Map<QualityCheck, Try<Object>> tenantWide = DeequMetrics.compute(selected, deequ);
        periods.forEach(period -> values.put(period, tenantWide));
      }
      values.forEach((period, ofPeriod) -> ofPeriod.forEach((check, value) ->
          results.get(period).add(fromDeequ(runId, tenant, period, check, value, at))));
    } catch (Exception e) {
      results.forEach((period, ofPeriod) -> deequ.forEach(check -> ofPeriod.add(DqResult.error(runId, tenant, period,
          check, "Deequ analysis failed: " + e.getMessage(), at))));
    }
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

  private static Optional<LakeTable> lakeTable(String tableName) {
    for (LakeTable table : LakeTable.values()) {
      if (table.tableName().equals(tableName)) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  /**
   * One aggregate per period, in one job: grouped by billing_period, or the tenant-wide value for
   * every period of a table without periods. A period without rows gets no entry.
   */
  private static Map<String, Object> byPeriod(Dataset<Row> rows, boolean periodic, List<String> periods,
      Column aggregate) {
    Map<String, Object> values = new HashMap<>();
    if (periodic) {
      rows.groupBy(col("billing_period")).agg(aggregate).collectAsList()
          .forEach(row -> values.put(row.getString(0), row.get(1)));
    } else {
      Row row = rows.agg(aggregate).first();
      periods.forEach(period -> values.put(period, row.get(0)));
    }
    return values;
  }

  private void rowCountsMatchSource(String runId, String tenant, QualityCheck check, Map<String, Object> counts,
      Instant at, Map<String, List<DqResult>> results) {
    Map<String, Long> source = new HashMap<>();
    lake.read(LakeTable.INGEST_RUNS).ifPresent(runs -> runs
        .where(col("tenant_id").equalTo(lit(tenant)).and(col("status").equalTo(lit("SUCCEEDED"))))
        .orderBy(col("ended_at")).select("billing_period", "rows_in").collectAsList()
        .forEach(row -> source.put(row.getString(0), row.getLong(1))));
    results.forEach((period, ofPeriod) -> {
      long rows = counts.containsKey(period) ? ((Number) counts.get(period)).longValue() : 0;
      if (!source.containsKey(period)) {
        ofPeriod.add(DqResult.error(runId, tenant, period, check, "no successful ingest run records the source rows",
            at));
      } else {
        ofPeriod.add(DqResult.measured(runId, tenant, period, check, rows == source.get(period) ? 1 : 0,
            check.table() + " rows=" + rows + " source rows=" + source.get(period), at));
      }
    });
  }

  private void costReconciles(String runId, String tenant, QualityCheck check, Map<String, Object> marts,
      Instant at, Map<String, List<DqResult>> results) {
    List<String> periods = List.copyOf(results.keySet());
    Map<String, Object> quarantined = periodTotals(LakeTable.QUARANTINE, tenant, periods);
    Map<String, Object> bronze = periodTotals(LakeTable.CUR_LINE_ITEMS, tenant, periods);
    results.forEach((period, ofPeriod) -> {
      BigDecimal martTotal = decimal(marts.get(period));
      BigDecimal quarantinedTotal = decimal(quarantined.get(period));
      BigDecimal bronzeTotal = decimal(bronze.get(period));
      BigDecimal difference = martTotal.add(quarantinedTotal).subtract(bronzeTotal).abs();
      boolean reconciles = difference.compareTo(HALF_CENT) < 0;
      ofPeriod.add(DqResult.measured(runId, tenant, period, check, reconciles ? 1 : 0,
          check.table() + " unblended " + cents(martTotal) + " + quarantined " + cents(quarantinedTotal)
              + " vs bronze " + cents(bronzeTotal) + ", difference " + difference.toPlainString(), at));
    });
  }

  private Map<String, Object> periodTotals(LakeTable table, String tenant, List<String> periods) {
    return lake.read(table).map(rows -> byPeriod(rows.where(col("tenant_id").equalTo(lit(tenant))
        .and(col("billing_period").isin(periods.toArray()))), true, periods, sum(col("line_item_unblended_cost"))))
        .orElse(Map.of());
  }

  private static BigDecimal decimal(Object value) {
    return value == null ? BigDecimal.ZERO : (BigDecimal) value;
  }

  private static String cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
