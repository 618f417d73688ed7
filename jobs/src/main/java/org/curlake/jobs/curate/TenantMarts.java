package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.lake.PartitionWriter;

/**
 * Writes a tenant's tenant-wide marts from its fct_cost_daily. fct_cost_monthly is incremental: when
 * only some periods changed since it was last built, just those periods and the month after each
 * (whose month-over-month change depends on them) are recomputed, from those months and the month
 * before each, and replaced in one commit; its cost follows the changed months, not the history.
 * The dimensions are aggregates over the whole history (first and last usage, cost to date); they
 * are rebuilt from fct_cost_daily, a daily aggregate far smaller than the line items.
 */
final class TenantMarts {
  private final PartitionWriter lake;
  private final ModelRunner models;

  TenantMarts(PartitionWriter lake, ModelRunner models) {
    this.lake = lake;
    this.models = models;
  }

  /**
   * Writes the marts; the tenant's config views ({@code tenant_accounts}) must be registered.
   *
   * @param changedPeriods the periods whose marts changed since the tenant-wide marts were last
   *     built, or empty to rebuild them in full
   * @return rows written per mart
   */
  Map<String, Long> build(String runId, TenantConfig tenant, Optional<Set<String>> changedPeriods) {
    Map<String, Object> parameters = Map.of("tenant_id", tenant.id());
    Dataset<Row> daily = lake.read(LakeTable.FCT_COST_DAILY)
        .orElseThrow(() -> new IllegalStateException("tenant '" + tenant.id() + "': no fct_cost_daily to summarise"))
        .where(col("tenant_id").equalTo(lit(tenant.id())));
    Map<String, Long> written = new LinkedHashMap<>();
    for (Map.Entry<String, LakeTable> mart : CurateJob.TENANT_MARTS.entrySet()) {
      String marker = CurateJob.marker(runId, mart.getKey(), tenant.id(), "all");
      if (mart.getValue() == LakeTable.FCT_COST_MONTHLY && changedPeriods.isPresent()) {
        if (changedPeriods.get().isEmpty()) {
          written.put(mart.getKey(), 0L); // no period mart changed: nothing to recompute
          continue;
        }
        Set<String> affected = withNextMonths(changedPeriods.get());
        Set<String> needed = new TreeSet<>(affected);
        affected.forEach(period -> needed.add(YearMonth.parse(period).minusMonths(1).toString()));
        models.input("fct_cost_daily", daily.where(col("billing_period").isin(needed.toArray())));
        Dataset<Row> rows = models.run(SqlModel.load(mart.getKey()), parameters)
            .where(col("billing_period").isin(affected.toArray()));
        written.put(mart.getKey(), lake.replacePeriods(mart.getValue(), rows, tenant.id(), affected, marker));
      } else {
        models.input("fct_cost_daily", daily);
        Dataset<Row> rows = models.run(SqlModel.load(mart.getKey()), parameters);
        written.put(mart.getKey(), lake.replace(mart.getValue(), rows, Map.of("tenant_id", tenant.id()), marker));
      }
    }
    return written;
  }

  private static Set<String> withNextMonths(Set<String> periods) {
    Set<String> affected = new TreeSet<>(periods);
    periods.forEach(period -> affected.add(YearMonth.parse(period).plusMonths(1).toString()));
    return affected;
  }
}
