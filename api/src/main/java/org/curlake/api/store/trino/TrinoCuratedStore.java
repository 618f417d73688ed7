package org.curlake.api.store.trino;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * The curated layer through Trino (JDBC): each tenant reads its own schema {@code cur_<tenant>} of
 * tenant-filtered views. Sums are pushed down; the shaping (ranking, rounding, order) is shared
 * with the Kernel store through {@link CostAggregates} and the records' orders.
 */
public final class TrinoCuratedStore implements CuratedStore {
  private final TrinoQueries trino;

  /**
   * {@code url} names the catalog, e.g. {@code jdbc:trino://127.0.0.1:8080/delta}; a tenant's queries run as
   * the Trino user {@code <userPrefix><tenant>} (the shipped access rules use {@code tenant_}).
   */
  public TrinoCuratedStore(String url, String userPrefix) {
    this.trino = new TrinoQueries(url, userPrefix);
  }

  @Override
  public Optional<LocalDate> latestUsageDate(String tenant) {
    return trino.list(tenant, "select cast(max(usage_date) as varchar) from " + TrinoQueries.table(tenant, "fct_cost_daily"),
        List.of(), row -> Optional.ofNullable(row.getString(1)).map(LocalDate::parse)).stream().findFirst().flatMap(d -> d);
  }

  @Override
  public Optional<CostSummary.BudgetView> budget(String tenant, LocalDate asOf) {
    return trino.list(tenant, "select billing_period, cast(as_of_date as varchar), budget_usd, month_to_date_usd, forecast_usd,"
            + " percent_used, forecast_percent, status from " + TrinoQueries.table(tenant, "budget_status")
            + " where billing_period = ? and as_of_date <= ? order by as_of_date desc limit 1",
        List.of(YearMonth.from(asOf).toString(), asOf),
        row -> new CostSummary.BudgetView(row.getString(1), LocalDate.parse(row.getString(2)), Money.usd(row.getBigDecimal(3)),
            Money.usd(row.getBigDecimal(4)), Money.usd(row.getBigDecimal(5)), row.getDouble(6), row.getDouble(7),
            row.getString(8))).stream().findFirst();
  }

  @Override
  public BigDecimal totalCost(String tenant, CostFilter filter) {
    return Money.usd(sumBy(tenant, filter, "'all'", row -> "all").values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Override
  public List<DailyCost> dailyCost(String tenant, CostFilter filter) {
    return CostAggregates.daily(sumBy(tenant, filter, "cast(usage_date as varchar)", row -> LocalDate.parse(row.getString(1))));
  }

  @Override
  public List<RankedCost> topServices(String tenant, CostFilter filter, int limit) {
    return CostAggregates.ranked(sumBy(tenant, filter, "product_code", row -> row.getString(1)),
        names(tenant, "dim_services", "product_code", "service_name"), limit);
  }

  @Override
  public List<RankedCost> topAccounts(String tenant, CostFilter filter, int limit) {
    return CostAggregates.ranked(sumBy(tenant, filter, "usage_account_id", row -> row.getString(1)),
        names(tenant, "dim_accounts", "account_id", "account_name"), limit);
  }

  @Override
  public List<RankedCost> topUsageTypes(String tenant, CostFilter filter, int limit) {
    DrillDown.checkUsageTypeFilter(filter);
    return CostAggregates.ranked(sumBy(tenant, filter, "usage_type", row -> row.getString(1)), Map.of(), limit);
  }

  @Override
  public List<RankedCost> topResources(String tenant, CostFilter filter, Optional<String> usageType, int limit) {
    String cost = DrillDown.focusCostColumn(filter);
    List<Object> values = new ArrayList<>(List.of(DrillDown.NO_RESOURCE));
    StringBuilder where = new StringBuilder(" where true");
    equal(where, values, "x_UsageType", usageType);
    filter.from().ifPresent(d -> {
      where.append(" and cast(ChargePeriodStart as date) >= ?");
      values.add(d);
    });
    filter.to().ifPresent(d -> {
      where.append(" and cast(ChargePeriodStart as date) <= ?");
      values.add(d);
    });
    equal(where, values, "SubAccountId", filter.account());
    equal(where, values, "x_ServiceCode", filter.service());
    equal(where, values, "RegionId", filter.region());
    Map<String, BigDecimal> sums = new HashMap<>();
    trino.list(tenant, "select coalesce(nullif(trim(ResourceId), ''), ?), sum(coalesce(" + cost + ", 0)) from "
        + TrinoQueries.table(tenant, "focus_costs") + where + " group by 1", values,
        row -> sums.put(row.getString(1), row.getBigDecimal(2)));
    return CostAggregates.ranked(sums, Map.of(), limit);
  }

  @Override
  public List<MonthlyCost> monthlyTrend(String tenant, CostFilter filter) {
    return CostAggregates.monthly(sumBy(tenant, filter, "billing_period", row -> row.getString(1)));
  }

  @Override
  public List<TagCost> costByTag(String tenant, String tagKey, CostFilter filter) {
    if (filter.region().isPresent() || filter.tag().isPresent()) {
      throw new BadRequest("region", "cost by tag cannot be filtered by region or by another tag");
    }
    String key = TagFilter.normaliseKey(tagKey);
    CostFilter byKey = new CostFilter(filter.from(), filter.to(), filter.account(), filter.businessUnit(), filter.service(),
        Optional.empty(), Optional.empty(), filter.costType());
    List<Object> values = new ArrayList<>(List.of(key));
    String where = " where tag_key = ?" + conditions(byKey, values);
    Map<String, BigDecimal> sums = new HashMap<>();
    trino.list(tenant, "select tag_value, sum(coalesce(" + filter.costType().column() + ", 0)) from "
        + TrinoQueries.table(tenant, "fct_cost_by_tag") + where + " group by 1", values,
        row -> sums.put(row.getString(1), row.getBigDecimal(2)));
    return CostAggregates.byTag(key, sums);
  }

  @Override
  public List<IdleResource> idleResources(String tenant, Optional<String> billingPeriod) {
    List<Object> values = new ArrayList<>();
    billingPeriod.ifPresent(values::add);
    return trino.list(tenant, "select billing_period, rule_id, resource_id, usage_account_id, region_code, usage_type, cost_usd,"
            + " estimated_monthly_waste_usd, evidence_metric, evidence_value, threshold_value from "
            + TrinoQueries.table(tenant, "fct_idle_resources") + (billingPeriod.isPresent() ? " where billing_period = ?" : ""),
        values, row -> new IdleResource(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5), row.getString(6), Money.usd(row.getBigDecimal(7)), Money.usd(row.getBigDecimal(8)),
            row.getString(9), doubleOrNull(row, 10), doubleOrNull(row, 11)))
        .stream().sorted(IdleResource.ORDER).toList();
  }

  @Override
  public List<Anomaly> anomalies(String tenant, AnomalyQuery query) {
    List<Object> values = new ArrayList<>();
    String where = anomalyConditions(query, values) + (query.includeAll() ? "" : " and is_anomaly");
    return trino.list(tenant, "select cast(usage_date as varchar), product_code, service_name, actual_cost_usd, expected_cost_usd,"
            + " impact_usd, score, is_anomaly from " + TrinoQueries.table(tenant, "fct_cost_anomalies") + where, values,
        row -> new Anomaly(LocalDate.parse(row.getString(1)), row.getString(2), row.getString(3), row.getDouble(4),
            row.getDouble(5), row.getDouble(6), row.getDouble(7), row.getBoolean(8)))
        .stream().sorted(Anomaly.ORDER).toList();
  }

  @Override
  public List<AnomalyDriver> anomalyDrivers(String tenant, AnomalyQuery query) {
    List<Object> values = new ArrayList<>();
    return trino.list(tenant, "select cast(usage_date as varchar), product_code, driver_rank, usage_account_id, region_code,"
            + " usage_type, actual_cost_usd, expected_cost_usd, delta_usd, contribution_pct from "
            + TrinoQueries.table(tenant, "fct_cost_anomaly_drivers") + anomalyConditions(query, values), values,
        row -> new AnomalyDriver(LocalDate.parse(row.getString(1)), row.getString(2), row.getInt(3), row.getString(4),
            row.getString(5), row.getString(6), row.getDouble(7), row.getDouble(8), row.getDouble(9), doubleOrNull(row, 10)))
        .stream().sorted(AnomalyDriver.ORDER).toList();
  }

  @Override
  public Optional<SlaState> slaStatus(String tenant) {
    return trino.list(tenant, "select to_iso8601(reference_time), latest_period, to_iso8601(latest_usage_start), lag_hours,"
            + " sla_hours, status from " + TrinoQueries.table(tenant, "sla_status")
            + " order by reference_time desc, run_id desc limit 1", List.of(),
        row -> new SlaState(instant(row.getString(1)), row.getString(2), instant(row.getString(3)), doubleOrNull(row, 4),
            row.getLong(5), row.getString(6))).stream().findFirst();
  }

  @Override
  public List<DqCheck> dataQuality(String tenant) {
    String table = TrinoQueries.table(tenant, "dq_results");
    return trino.list(tenant, "select to_iso8601(checked_at), billing_period, check_id, table_name, metric, status, value,"
            + " threshold, message from " + table + " where run_id = (select run_id from " + table
            + " order by checked_at desc, run_id desc limit 1)", List.of(),
        row -> new DqCheck(instant(row.getString(1)), row.getString(2), row.getString(3), row.getString(4),
            row.getString(5), row.getString(6), doubleOrNull(row, 7), row.getDouble(8), row.getString(9)))
        .stream().sorted(DqCheck.ORDER).toList();
  }

  private <K> Map<K, BigDecimal> sumBy(String tenant, CostFilter filter, String groupExpression,
      TrinoQueries.RowMapper<K> key) {
    List<Object> values = new ArrayList<>();
    String table;
    String where;
    if (filter.tag().isPresent()) {
      table = "fct_cost_by_tag";
      where = " where tag_key = ? and tag_value = ?";
      values.add(filter.tag().get().key());
      values.add(filter.tag().get().value());
    } else {
      table = "fct_cost_daily";
      where = " where true";
    }
    where += conditions(filter, values);
    Map<K, BigDecimal> sums = new HashMap<>();
    trino.list(tenant, "select " + groupExpression + ", sum(coalesce(" + filter.costType().column() + ", 0)) from "
        + TrinoQueries.table(tenant, table) + where + " group by 1", values,
        row -> sums.put(key.map(row), row.getBigDecimal(2)));
    return sums;
  }

  /** The filter's conditions as {@code and column = ?} with the values appended in order. */
  private static String conditions(CostFilter filter, List<Object> values) {
    StringBuilder sql = new StringBuilder();
    filter.from().ifPresent(d -> {
      sql.append(" and usage_date >= ?");
      values.add(d);
    });
    filter.to().ifPresent(d -> {
      sql.append(" and usage_date <= ?");
      values.add(d);
    });
    equal(sql, values, "usage_account_id", filter.account());
    equal(sql, values, "business_unit", filter.businessUnit());
    equal(sql, values, "product_code", filter.service());
    equal(sql, values, "region_code", filter.region());
    return sql.toString();
  }

  private static String anomalyConditions(AnomalyQuery query, List<Object> values) {
    StringBuilder sql = new StringBuilder(" where true");
    query.from().ifPresent(d -> {
      sql.append(" and usage_date >= ?");
      values.add(d);
    });
    query.to().ifPresent(d -> {
      sql.append(" and usage_date <= ?");
      values.add(d);
    });
    equal(sql, values, "product_code", query.service());
    return sql.toString();
  }

  private static void equal(StringBuilder sql, List<Object> values, String column, Optional<String> value) {
    value.ifPresent(v -> {
      sql.append(" and ").append(column).append(" = ?");
      values.add(v);
    });
  }

  private Map<String, String> names(String tenant, String table, String idColumn, String nameColumn) {
    Map<String, String> names = new HashMap<>();
    trino.list(tenant, "select " + idColumn + ", " + nameColumn + " from " + TrinoQueries.table(tenant, table), List.of(),
        row -> names.put(row.getString(1), row.getString(2)));
    return names;
  }

  private static Double doubleOrNull(ResultSet row, int column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }

  private static Instant instant(String iso) {
    return iso == null ? null : Instant.parse(iso);
  }
}
