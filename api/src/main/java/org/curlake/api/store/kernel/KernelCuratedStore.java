package org.curlake.api.store.kernel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.curlake.api.cost.CostAggregates;
import org.curlake.api.cost.CostFilter;
import org.curlake.api.cost.CostSummary;
import org.curlake.api.cost.DailyCost;
import org.curlake.api.cost.DrillDown;
import org.curlake.api.cost.Money;
import org.curlake.api.cost.MonthlyCost;
import org.curlake.api.cost.RankedCost;
import org.curlake.api.cost.TagCost;
import org.curlake.api.cost.TagFilter;
import org.curlake.api.insights.Anomaly;
import org.curlake.api.insights.AnomalyDriver;
import org.curlake.api.insights.AnomalyQuery;
import org.curlake.api.insights.IdleResource;
import org.curlake.api.quality.DqCheck;
import org.curlake.api.quality.SlaState;
import org.curlake.api.store.CuratedStore;
import org.curlake.api.web.BadRequest;
import org.curlake.catalog.LakeTable;

/**
 * The curated layer read in process with Delta Kernel: each (table, tenant) is read once per Delta
 * version ({@link KernelTables}) and each query result is cached against the versions of the tables
 * it used, so an unchanged lake answers from memory.
 */
public final class KernelCuratedStore implements CuratedStore {
  private final KernelTables tables;
  private final VersionedResults results = new VersionedResults();

  public KernelCuratedStore(KernelTables tables) {
    this.tables = tables;
  }

  /** A store over a local or s3a:// lake, checking for new table versions at most once per interval. */
  public static KernelCuratedStore open(String lakeRoot, Duration versionCheckInterval) {
    return new KernelCuratedStore(new KernelTables(lakeRoot, new Configuration(), versionCheckInterval));
  }

  @Override
  public CostSummary summary(String tenant, Optional<LocalDate> asOf, org.curlake.api.cost.CostType costType) {
    return cached(List.of("summary", tenant, asOf, costType), () -> CuratedStore.super.summary(tenant, asOf, costType),
        LakeTable.FCT_COST_DAILY, LakeTable.BUDGET_STATUS);
  }

  @Override
  public Optional<LocalDate> latestUsageDate(String tenant) {
    return cached(List.of("latest", tenant), () -> {
      TableRows daily = tables.rows(LakeTable.FCT_COST_DAILY, tenant);
      if (daily.rows().isEmpty()) {
        return Optional.<LocalDate>empty();
      }
      int date = daily.column("usage_date");
      return daily.rows().stream().map(r -> (LocalDate) r[date]).max(Comparator.naturalOrder());
    }, LakeTable.FCT_COST_DAILY);
  }

  @Override
  public BigDecimal totalCost(String tenant, CostFilter filter) {
    return cached(List.of("total", tenant, filter), () -> Money.usd(
        sumBy(tenant, filter, "tenant_id", v -> "all").values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)),
        costTables(filter));
  }

  @Override
  public Optional<CostSummary.BudgetView> budget(String tenant, LocalDate asOf) {
    return cached(List.of("budget", tenant, asOf), () -> {
      TableRows rows = tables.rows(LakeTable.BUDGET_STATUS, tenant, Optional.of(YearMonth.from(asOf).toString()));
      RowReader r = new RowReader(rows);
      return rows.rows().stream()
          .filter(row -> YearMonth.from(asOf).toString().equals(r.string(row, "billing_period"))
              && !r.date(row, "as_of_date").isAfter(asOf))
          .max(Comparator.comparing(row -> r.date(row, "as_of_date")))
          .map(row -> new CostSummary.BudgetView(r.string(row, "billing_period"), r.date(row, "as_of_date"),
              Money.usd(r.decimal(row, "budget_usd")), Money.usd(r.decimal(row, "month_to_date_usd")),
              Money.usd(r.decimal(row, "forecast_usd")), r.doubleValue(row, "percent_used"),
              r.doubleValue(row, "forecast_percent"), r.string(row, "status")));
    }, LakeTable.BUDGET_STATUS);
  }

  @Override
  public List<DailyCost> dailyCost(String tenant, CostFilter filter) {
    return cached(List.of("daily", tenant, filter),
        () -> CostAggregates.daily(sumBy(tenant, filter, "usage_date", v -> (LocalDate) v)), costTables(filter));
  }

  @Override
  public List<RankedCost> topServices(String tenant, CostFilter filter, int limit) {
    return cached(List.of("services", tenant, filter, limit), () -> CostAggregates.ranked(
        sumBy(tenant, filter, "product_code", v -> (String) v),
        names(tenant, LakeTable.DIM_SERVICES, "product_code", "service_name"), limit), costTables(filter, LakeTable.DIM_SERVICES));
  }

  @Override
  public List<RankedCost> topAccounts(String tenant, CostFilter filter, int limit) {
    return cached(List.of("accounts", tenant, filter, limit), () -> CostAggregates.ranked(
        sumBy(tenant, filter, "usage_account_id", v -> (String) v),
        names(tenant, LakeTable.DIM_ACCOUNTS, "account_id", "account_name"), limit), costTables(filter, LakeTable.DIM_ACCOUNTS));
  }

  @Override
  public List<RankedCost> topUsageTypes(String tenant, CostFilter filter, int limit) {
    DrillDown.checkUsageTypeFilter(filter);
    return cached(List.of("usageTypes", tenant, filter, limit), () -> CostAggregates.ranked(
        sumBy(tenant, filter, "usage_type", v -> (String) v), Map.of(), limit), costTables(filter));
  }

  @Override
  public List<RankedCost> topResources(String tenant, CostFilter filter, Optional<String> usageType, int limit) {
    DrillDown.focusCostColumn(filter);
    return cached(List.of("resources", tenant, filter, usageType, limit), () -> CostAggregates.ranked(
        ResourceCostSums.of(tables.rows(LakeTable.FOCUS_COSTS, tenant, ResourceCostSums.period(filter)), filter, usageType),
        Map.of(), limit), LakeTable.FOCUS_COSTS);
  }

  @Override
  public List<MonthlyCost> monthlyTrend(String tenant, CostFilter filter) {
    return cached(List.of("monthly", tenant, filter),
        () -> CostAggregates.monthly(sumBy(tenant, filter, "billing_period", v -> (String) v)), costTables(filter));
  }

  @Override
  public List<TagCost> costByTag(String tenant, String tagKey, CostFilter filter) {
    if (filter.region().isPresent() || filter.tag().isPresent()) {
      throw new BadRequest("region", "cost by tag cannot be filtered by region or by another tag");
    }
    String key = TagFilter.normaliseKey(tagKey);
    return cached(List.of("tag", tenant, key, filter), () -> {
      TableRows rows = tables.rows(LakeTable.FCT_COST_BY_TAG, tenant);
      int tagKeyColumn = rows.column("tag_key");
      Map<String, BigDecimal> sums = sum(rows, filter, "tag_value", v -> (String) v, r -> key.equals(r[tagKeyColumn]));
      return CostAggregates.byTag(key, sums);
    }, LakeTable.FCT_COST_BY_TAG);
  }

  @Override
  public List<IdleResource> idleResources(String tenant, Optional<String> billingPeriod) {
    return cached(List.of("idle", tenant, billingPeriod), () -> {
      TableRows rows = tables.rows(LakeTable.FCT_IDLE_RESOURCES, tenant, billingPeriod);
      RowReader r = new RowReader(rows);
      return rows.rows().stream().map(row -> new IdleResource(r.string(row, "billing_period"), r.string(row, "rule_id"),
              r.string(row, "resource_id"), r.string(row, "usage_account_id"), r.string(row, "region_code"),
              r.string(row, "usage_type"), Money.usd(r.decimal(row, "cost_usd")),
              Money.usd(r.decimal(row, "estimated_monthly_waste_usd")), r.string(row, "evidence_metric"),
              r.doubleOrNull(row, "evidence_value"), r.doubleOrNull(row, "threshold_value")))
          .sorted(IdleResource.ORDER)
          .toList();
    }, LakeTable.FCT_IDLE_RESOURCES);
  }

  @Override
  public List<Anomaly> anomalies(String tenant, AnomalyQuery query) {
    return cached(List.of("anomalies", tenant, query), () -> {
      TableRows rows = tables.rows(LakeTable.FCT_COST_ANOMALIES, tenant);
      RowReader r = new RowReader(rows);
      return rows.rows().stream()
          .filter(row -> query.includes(r.date(row, "usage_date"), r.string(row, "product_code")))
          .filter(row -> query.includeAll() || Boolean.TRUE.equals(r.value(row, "is_anomaly")))
          .map(row -> new Anomaly(r.date(row, "usage_date"), r.string(row, "product_code"), r.string(row, "service_name"),
              r.doubleValue(row, "actual_cost_usd"), r.doubleValue(row, "expected_cost_usd"), r.doubleValue(row, "impact_usd"),
              r.doubleValue(row, "score"), Boolean.TRUE.equals(r.value(row, "is_anomaly"))))
          .sorted(Anomaly.ORDER)
          .toList();
    }, LakeTable.FCT_COST_ANOMALIES);
  }

  @Override
  public List<AnomalyDriver> anomalyDrivers(String tenant, AnomalyQuery query) {
    return cached(List.of("drivers", tenant, query), () -> {
      TableRows rows = tables.rows(LakeTable.FCT_COST_ANOMALY_DRIVERS, tenant);
      RowReader r = new RowReader(rows);
      return rows.rows().stream()
          .filter(row -> query.includes(r.date(row, "usage_date"), r.string(row, "product_code")))
          .map(row -> new AnomalyDriver(r.date(row, "usage_date"), r.string(row, "product_code"),
              (int) r.longValue(row, "driver_rank"), r.string(row, "usage_account_id"), r.string(row, "region_code"),
              r.string(row, "usage_type"), r.doubleValue(row, "actual_cost_usd"), r.doubleValue(row, "expected_cost_usd"),
              r.doubleValue(row, "delta_usd"), r.doubleOrNull(row, "contribution_pct")))
          .sorted(AnomalyDriver.ORDER)
          .toList();
    }, LakeTable.FCT_COST_ANOMALY_DRIVERS);
  }

  @Override
  public Optional<SlaState> slaStatus(String tenant) {
    return cached(List.of("sla", tenant), () -> {
      TableRows rows = tables.rows(LakeTable.SLA_STATUS, tenant);
      RowReader r = new RowReader(rows);
      return rows.rows().stream()
          .max(Comparator.comparing((Object[] row) -> r.instant(row, "reference_time")).thenComparing(row -> r.string(row, "run_id")))
          .map(row -> new SlaState(r.instant(row, "reference_time"), r.string(row, "latest_period"),
              r.instant(row, "latest_usage_start"), r.doubleOrNull(row, "lag_hours"), r.longValue(row, "sla_hours"),
              r.string(row, "status")));
    }, LakeTable.SLA_STATUS);
  }

  @Override
  public List<DqCheck> dataQuality(String tenant) {
    return cached(List.of("dq", tenant), () -> {
      TableRows rows = tables.rows(LakeTable.DQ_RESULTS, tenant);
      RowReader r = new RowReader(rows);
      Optional<String> latestRun = rows.rows().stream()
          .max(Comparator.comparing((Object[] row) -> r.instant(row, "checked_at")).thenComparing(row -> r.string(row, "run_id")))
          .map(row -> r.string(row, "run_id"));
      return rows.rows().stream().filter(row -> latestRun.isPresent() && latestRun.get().equals(r.string(row, "run_id")))
          .map(row -> new DqCheck(r.instant(row, "checked_at"), r.string(row, "billing_period"), r.string(row, "check_id"),
              r.string(row, "table_name"), r.string(row, "metric"), r.string(row, "status"), r.doubleOrNull(row, "value"),
              r.doubleValue(row, "threshold"), r.string(row, "message")))
          .sorted(DqCheck.ORDER)
          .toList();
    }, LakeTable.DQ_RESULTS);
  }

  @Override
  public Map<String, Long> counters() {
    return Map.of("cache_hits", results.hits(), "cache_misses", results.misses(),
        "table_scans", tables.scans(), "files_read", tables.filesRead());
  }

  /** How many table scans (one tenant, one version) have run: unchanged tables are never scanned twice. */
  public long tableScans() {
    return tables.scans();
  }

  /** Exact sums of the filter's cost grouped by a column, from daily cost (or cost by tag for a tag filter). */
  private <K> Map<K, BigDecimal> sumBy(String tenant, CostFilter filter, String groupColumn, Function<Object, K> key) {
    if (filter.tag().isEmpty()) {
      return sum(tables.rows(LakeTable.FCT_COST_DAILY, tenant), filter, groupColumn, key, row -> true);
    }
    TableRows rows = tables.rows(LakeTable.FCT_COST_BY_TAG, tenant);
    int tagKey = rows.column("tag_key");
    int tagValue = rows.column("tag_value");
    TagFilter tag = filter.tag().get();
    return sum(rows, filter, groupColumn, key, row -> tag.key().equals(row[tagKey]) && tag.value().equals(row[tagValue]));
  }

  private static <K> Map<K, BigDecimal> sum(TableRows rows, CostFilter filter, String groupColumn, Function<Object, K> key,
      java.util.function.Predicate<Object[]> extra) {
    Map<K, BigDecimal> sums = new HashMap<>();
    if (rows.rows().isEmpty()) {
      return sums;
    }
    int group = rows.column(groupColumn);
    int cost = rows.column(filter.costType().column());
    CostRowFilter matches = new CostRowFilter(rows, filter);
    for (Object[] row : rows.rows()) {
      if (matches.test(row) && extra.test(row)) {
        BigDecimal value = row[cost] == null ? BigDecimal.ZERO : (BigDecimal) row[cost];
        sums.merge(key.apply(row[group]), value, BigDecimal::add);
      }
    }
    return sums;
  }

  private Map<String, String> names(String tenant, LakeTable table, String idColumn, String nameColumn) {
    TableRows rows = tables.rows(table, tenant);
    Map<String, String> names = new HashMap<>();
    if (!rows.rows().isEmpty()) {
      int id = rows.column(idColumn);
      int name = rows.column(nameColumn);
      rows.rows().forEach(row -> names.put((String) row[id], (String) row[name]));
    }
    return names;
  }

  private static LakeTable[] costTables(CostFilter filter, LakeTable... more) {
    LakeTable source = filter.tag().isPresent() ? LakeTable.FCT_COST_BY_TAG : LakeTable.FCT_COST_DAILY;
    LakeTable[] used = new LakeTable[more.length + 1];
    used[0] = source;
    System.arraycopy(more, 0, used, 1, more.length);
    return used;
  }

  private <T> T cached(Object query, java.util.function.Supplier<T> compute, LakeTable... used) {
    long[] versions = new long[used.length];
    for (int i = 0; i < used.length; i++) {
      versions[i] = tables.version(used[i]);
    }
    return results.get(query, versions, compute);
  }
}
