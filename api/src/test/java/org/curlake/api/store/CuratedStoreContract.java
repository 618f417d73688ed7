package org.curlake.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.curlake.api.LakeFixture;
import org.curlake.api.cost.CostFilter;
import org.curlake.api.cost.CostSummary;
import org.curlake.api.cost.CostType;
import org.curlake.api.cost.DailyCost;
import org.curlake.api.cost.DrillDown;
import org.curlake.api.cost.MonthlyCost;
import org.curlake.api.cost.RankedCost;
import org.curlake.api.cost.TagCost;
import org.curlake.api.cost.TagFilter;
import org.curlake.api.insights.Anomaly;
import org.curlake.api.insights.AnomalyQuery;
import org.curlake.api.insights.IdleResource;
import org.curlake.api.quality.DqCheck;
import org.curlake.api.quality.SlaState;
import org.curlake.api.web.BadRequest;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CuratedStore} must answer, checked against numbers computed independently with
 * Spark SQL over the same Delta tables, the dashboards' drill-down (service → usage type → resource)
 * included. Subclasses give the store (Delta Kernel, Trino).
 */
public abstract class CuratedStoreContract {
  protected final LakeFixture lake = LakeFixture.shared();
  private static final LocalDate FROM = LocalDate.of(2025, 7, 3);
  private static final LocalDate TO = LocalDate.of(2025, 8, 11);
  private static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);
  private static final LocalDate JULY_31 = LocalDate.of(2025, 7, 31);

  protected abstract CuratedStore store();

  @Test
  void dailyCostIsTheSumPerDayOfEachTenantOnly() {
    for (String tenant : LakeFixture.TENANTS) {
      List<DailyCost> days = store().dailyCost(tenant, CostFilter.all(CostType.AMORTIZED));
      List<Row> expected = lake.sql("select usage_date, sum(amortized_cost) from fct_cost_daily where tenant_id = '" + tenant
          + "' group by usage_date order by usage_date");
      assertEquals(expected.size(), days.size(), tenant);
      for (int i = 0; i < days.size(); i++) {
        assertEquals(expected.get(i).getDate(0).toLocalDate(), days.get(i).date());
        assertEquals(usd(expected.get(i).get(1)), days.get(i).cost(), tenant + " " + days.get(i).date());
      }
    }
  }

  @Test
  void filtersOnDatesAccountServiceRegionAndCostType() {
    Row cell = lake.sql("select usage_account_id, product_code, region_code from fct_cost_daily where tenant_id = 'acme'"
        + " group by 1, 2, 3 order by sum(unblended_cost) desc limit 1").get(0);
    CostFilter filter = new CostFilter(Optional.of(FROM), Optional.of(TO), Optional.of(cell.getString(0)), Optional.empty(),
        Optional.of(cell.getString(1)), Optional.of(cell.getString(2)), Optional.empty(), CostType.UNBLENDED);
    BigDecimal expected = lake.usd("select sum(unblended_cost) from fct_cost_daily where tenant_id = 'acme'"
        + " and usage_date between '" + FROM + "' and '" + TO + "' and usage_account_id = '" + cell.getString(0)
        + "' and product_code = '" + cell.getString(1) + "' and region_code = '" + cell.getString(2) + "'");
    assertTrue(expected.signum() > 0, "the filter selects cost");
    assertEquals(expected, store().totalCost("acme", filter));
    List<DailyCost> days = store().dailyCost("acme", filter);
    assertEquals(lake.sql("select count(distinct usage_date) from fct_cost_daily where tenant_id = 'acme'"
        + " and usage_date between '" + FROM + "' and '" + TO + "' and usage_account_id = '" + cell.getString(0)
        + "' and product_code = '" + cell.getString(1) + "' and region_code = '" + cell.getString(2) + "'").get(0).getLong(0),
        days.size());
    days.forEach(d -> assertFalse(d.date().isBefore(FROM) || d.date().isAfter(TO)));
    assertTrue(expected.subtract(sum(days)).abs().compareTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(days.size()))) <= 0,
        "the days' rounded costs add up to the total within half a cent each");
  }

  @Test
  void filtersOnBusinessUnitWithNetCost() {
    String unit = lake.sql("select business_unit from fct_cost_daily where tenant_id = 'globex' group by 1 order by 1 limit 1")
        .get(0).getString(0);
    CostFilter filter = new CostFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(unit),
        Optional.empty(), Optional.empty(), Optional.empty(), CostType.NET);
    assertEquals(lake.usd("select sum(coalesce(net_amortized_cost, 0)) from fct_cost_daily where tenant_id = 'globex'"
        + " and business_unit = '" + unit + "'"), store().totalCost("globex", filter));
  }

  @Test
  void tagFilterReadsCostByTag() {
    Row tag = lake.sql("select tag_key, tag_value from fct_cost_by_tag where tenant_id = 'acme' and tag_value <> 'untagged'"
        + " group by 1, 2 order by sum(amortized_cost) desc limit 1").get(0);
    CostFilter filter = new CostFilter(Optional.of(FROM), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new TagFilter(tag.getString(0), tag.getString(1))), CostType.AMORTIZED);
    BigDecimal expected = lake.usd("select sum(amortized_cost) from fct_cost_by_tag where tenant_id = 'acme' and tag_key = '"
        + tag.getString(0) + "' and tag_value = '" + tag.getString(1) + "' and usage_date >= '" + FROM + "'");
    assertTrue(expected.signum() > 0);
    assertEquals(expected, store().totalCost("acme", filter));
  }

  @Test
  void topServicesAndAccountsAreRankedWithNames() {
    List<RankedCost> services = store().topServices("acme", CostFilter.all(CostType.AMORTIZED), 3);
    List<Row> expected = lake.sql("select d.product_code, max(s.service_name), sum(d.amortized_cost) c from fct_cost_daily d"
        + " left join dim_services s on s.tenant_id = d.tenant_id and s.product_code = d.product_code"
        + " where d.tenant_id = 'acme' group by 1 order by c desc, 1 limit 3");
    assertEquals(3, services.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(new RankedCost(i + 1, expected.get(i).getString(0), expected.get(i).getString(1), usd(expected.get(i).get(2))),
          services.get(i));
    }
    List<RankedCost> accounts = store().topAccounts("globex", CostFilter.all(CostType.UNBLENDED), 100);
    Row top = lake.sql("select d.usage_account_id, max(a.account_name), sum(d.unblended_cost) c from fct_cost_daily d"
        + " left join dim_accounts a on a.tenant_id = d.tenant_id and a.account_id = d.usage_account_id"
        + " where d.tenant_id = 'globex' group by 1 order by c desc, 1 limit 1").get(0);
    assertEquals(new RankedCost(1, top.getString(0), top.getString(1), usd(top.get(2))), accounts.get(0));
    assertEquals(lake.sql("select count(distinct usage_account_id) from fct_cost_daily where tenant_id = 'globex'")
        .get(0).getLong(0), accounts.size());
  }

  @Test
  void monthlyTrendComparesWithThePreviousMonth() {
    List<MonthlyCost> months = store().monthlyTrend("acme", CostFilter.all(CostType.AMORTIZED));
    List<Row> expected = lake.sql("select billing_period, sum(amortized_cost) from fct_cost_daily where tenant_id = 'acme'"
        + " group by 1 order by 1");
    assertEquals(3, months.size());
    for (int i = 0; i < months.size(); i++) {
      assertEquals(expected.get(i).getString(0), months.get(i).billingPeriod());
      assertEquals(usd(expected.get(i).get(1)), months.get(i).cost());
    }
    assertEquals(null, months.get(0).previousCost());
    assertEquals(months.get(1).cost().subtract(months.get(0).cost()).abs().subtract(months.get(1).change().abs()).abs()
        .compareTo(new BigDecimal("0.01")) <= 0, true);
    assertEquals(months.get(0).cost(), months.get(1).previousCost());
  }

  @Test
  void costByTagSplitsEveryValueIncludingUntagged() {
    List<TagCost> values = store().costByTag("globex", "Team", CostFilter.all(CostType.AMORTIZED));
    List<Row> expected = lake.sql("select tag_value, sum(amortized_cost) c from fct_cost_by_tag where tenant_id = 'globex'"
        + " and tag_key = 'team' group by 1 order by c desc, 1");
    assertEquals(expected.size(), values.size());
    assertTrue(values.stream().anyMatch(v -> v.tagValue().equals("untagged")));
    for (int i = 0; i < values.size(); i++) {
      assertEquals(new TagCost("team", expected.get(i).getString(0), usd(expected.get(i).get(1))), values.get(i));
    }
  }

  @Test
  void summaryShowsMonthToDateLastMonthAndTheBudget() {
    CostSummary summary = store().summary("acme", Optional.of(LakeFixture.AS_OF), CostType.AMORTIZED);
    assertEquals(lake.usd("select sum(amortized_cost) from fct_cost_daily where tenant_id = 'acme'"
        + " and usage_date between '2025-08-01' and '2025-08-20'"), summary.monthToDate());
    assertEquals(lake.usd("select sum(amortized_cost) from fct_cost_daily where tenant_id = 'acme'"
        + " and usage_date between '2025-07-01' and '2025-07-31'"), summary.lastMonth());
    Row budget = lake.sql("select budget_usd, month_to_date_usd, forecast_usd, status from budget_status"
        + " where tenant_id = 'acme' and billing_period = '2025-08'").get(0);
    assertNotNull(summary.budget());
    assertEquals(usd(budget.get(0)), summary.budget().budgetUsd());
    assertEquals(usd(budget.get(1)), summary.budget().monthToDateUsd());
    assertEquals(usd(budget.get(2)), summary.budget().forecastUsd());
    assertEquals(budget.getString(3), summary.budget().status());
    assertEquals("EXCEEDED", summary.budget().status(), "acme's budget of 100 USD is exceeded");

    CostSummary latest = store().summary("globex", Optional.empty(), CostType.UNBLENDED);
    assertEquals(lake.sql("select max(usage_date) from fct_cost_daily where tenant_id = 'globex'").get(0).getDate(0).toLocalDate(),
        latest.asOf());
    assertEquals(null, store().summary("globex", Optional.of(LocalDate.of(2025, 6, 10)), CostType.AMORTIZED).budget(),
        "analytics ran for August only");
  }

  @Test
  void idleResourcesAreMostWastefulFirst() {
    List<IdleResource> idle = store().idleResources("acme", Optional.empty());
    List<Row> expected = lake.sql("select count(*), sum(estimated_monthly_waste_usd), max(estimated_monthly_waste_usd)"
        + " from fct_idle_resources where tenant_id = 'acme'");
    assertTrue(idle.size() > 0, "the generator emits idle resources");
    assertEquals(expected.get(0).getLong(0), idle.size());
    assertEquals(usd(expected.get(0).get(2)), idle.get(0).estimatedMonthlyWasteUsd());
    assertEquals(idle.size(), store().idleResources("acme", Optional.of("2025-08")).size());
    assertEquals(0, store().idleResources("acme", Optional.of("2025-07")).size(), "analytics ran for August only");
  }

  @Test
  void anomaliesAndTheirDrivers() {
    for (String tenant : LakeFixture.TENANTS) {
      long flagged = lake.sql("select count(*) from fct_cost_anomalies where tenant_id = '" + tenant + "' and is_anomaly")
          .get(0).getLong(0);
      long all = lake.sql("select count(*) from fct_cost_anomalies where tenant_id = '" + tenant + "'").get(0).getLong(0);
      AnomalyQuery everything = new AnomalyQuery(Optional.empty(), Optional.empty(), Optional.empty(), true);
      List<Anomaly> rows = store().anomalies(tenant, everything);
      assertEquals(all, rows.size(), tenant);
      assertEquals(flagged, store().anomalies(tenant, new AnomalyQuery(Optional.empty(), Optional.empty(), Optional.empty(), false))
          .size(), tenant);
      assertEquals(lake.sql("select count(*) from fct_cost_anomaly_drivers where tenant_id = '" + tenant + "'").get(0).getLong(0),
          store().anomalyDrivers(tenant, everything).size(), tenant);
      Row top = lake.sql("select usage_date, product_code, actual_cost_usd from fct_cost_anomalies where tenant_id = '" + tenant
          + "' order by usage_date desc, impact_usd desc, product_code limit 1").get(0);
      assertEquals(top.getDate(0).toLocalDate(), rows.get(0).usageDate());
      assertEquals(top.getString(1), rows.get(0).productCode());
      assertEquals(((Number) top.get(2)).doubleValue(), rows.get(0).actualCostUsd(), 1e-6);
    }
    assertTrue(store().anomalies("acme", new AnomalyQuery(Optional.empty(), Optional.empty(), Optional.empty(), false)).size()
        + store().anomalies("globex", new AnomalyQuery(Optional.empty(), Optional.empty(), Optional.empty(), false)).size() > 0,
        "the fixture's low thresholds flag some anomalies");
  }

  @Test
  void slaAndDataQualityOfTheLatestCheck() {
    for (String tenant : LakeFixture.TENANTS) {
      Optional<SlaState> sla = store().slaStatus(tenant);
      assertTrue(sla.isPresent(), tenant);
      Row expected = lake.sql("select status, sla_hours from sla_status where tenant_id = '" + tenant
          + "' order by reference_time desc limit 1").get(0);
      assertEquals(expected.getString(0), sla.get().status());
      assertEquals(expected.getInt(1), sla.get().slaHours());
      assertEquals(LakeFixture.CHECKED_AT, sla.get().referenceTime());
      List<DqCheck> checks = store().dataQuality(tenant);
      assertEquals(lake.sql("select count(*) from dq_results where tenant_id = '" + tenant + "'").get(0).getLong(0),
          checks.size(), "one check run, all of it");
      assertTrue(checks.size() > 0);
    }
  }

  @Test
  void usageTypesOfAServiceAreRankedByCost() {
    String service = lake.sql("select product_code from fct_cost_daily where tenant_id = 'globex'"
        + " group by 1 order by sum(amortized_cost) desc limit 1").get(0).getString(0);
    List<RankedCost> usageTypes = store().topUsageTypes("globex", july(service, CostType.AMORTIZED), 100);
    List<Row> expected = lake.sql("select usage_type, sum(amortized_cost) c from fct_cost_daily where tenant_id = 'globex'"
        + " and product_code = '" + service + "' and usage_date between date'" + JULY_1 + "' and date'" + JULY_31 + "'"
        + " group by 1 order by c desc, 1");
    assertEquals(expected.size(), usageTypes.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(new RankedCost(i + 1, expected.get(i).getString(0), expected.get(i).getString(0), usd(expected.get(i).get(1))),
          usageTypes.get(i));
    }
  }

  @Test
  void resourcesOfAUsageTypeSumTheFocusLineItems() {
    Row top = lake.sql("select x_ServiceCode, x_UsageType from focus_costs where tenant_id = 'globex' and ResourceId is not null"
        + " and to_date(ChargePeriodStart) between date'" + JULY_1 + "' and date'" + JULY_31 + "'"
        + " group by 1, 2 order by count(distinct ResourceId) desc, sum(BilledCost) desc limit 1").get(0);
    CostFilter filter = july(top.getString(0), CostType.UNBLENDED);
    List<RankedCost> resources = store().topResources("globex", filter, Optional.of(top.getString(1)), 100);
    List<Row> expected = lake.sql("select coalesce(nullif(trim(ResourceId), ''), '" + DrillDown.NO_RESOURCE + "'), sum(BilledCost) c"
        + " from focus_costs where tenant_id = 'globex' and x_ServiceCode = '" + top.getString(0) + "' and x_UsageType = '"
        + top.getString(1) + "' and to_date(ChargePeriodStart) between date'" + JULY_1 + "' and date'" + JULY_31 + "'"
        + " group by 1 order by c desc, 1 limit 100");
    assertTrue(resources.size() > 1, "the busiest usage type has several resources: " + resources);
    assertEquals(expected.size(), resources.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).getString(0), resources.get(i).id());
      assertEquals(usd(expected.get(i).get(1)), resources.get(i).cost(), resources.get(i).id());
    }
    BigDecimal usageTypeTotal = store().topUsageTypes("globex", filter, 100).stream()
        .filter(u -> u.id().equals(top.getString(1))).findFirst().orElseThrow().cost();
    BigDecimal resourceTotal = resources.stream().map(RankedCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertTrue(usageTypeTotal.subtract(resourceTotal).abs().compareTo(new BigDecimal("0.05")) <= 0,
        "resources add up to their usage type: " + resourceTotal + " vs " + usageTypeTotal);
    assertEquals(lake.sql("select coalesce(nullif(trim(ResourceId), ''), '" + DrillDown.NO_RESOURCE + "') r, sum(EffectiveCost) c"
        + " from focus_costs where tenant_id = 'globex' and x_ServiceCode = '" + top.getString(0) + "'"
        + " and to_date(ChargePeriodStart) between date'" + JULY_1 + "' and date'" + JULY_31 + "'"
        + " group by 1 order by c desc, 1 limit 3").stream().map(r -> r.getString(0) + "=" + usd(r.get(1))).toList(),
        store().topResources("globex", july(top.getString(0), CostType.AMORTIZED), Optional.empty(), 3).stream()
            .map(r -> r.id() + "=" + r.cost()).toList(), "amortized resources of the whole service");
  }

  @Test
  void drillDownFiltersTheStoresCannotAnswerAreRefused() {
    CostFilter tagged = new CostFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new TagFilter("team", "core")), CostType.AMORTIZED);
    assertThrows(BadRequest.class, () -> store().topUsageTypes("globex", tagged, 10));
    assertThrows(BadRequest.class, () -> store().topResources("globex", tagged, Optional.empty(), 10));
    assertThrows(BadRequest.class, () -> store().topResources("globex", CostFilter.all(CostType.NET), Optional.of("BoxUsage"), 10));
    assertThrows(BadRequest.class, () -> DrillDown.usageType(Optional.of("x'; drop table t")));
    assertEquals(Optional.of("USE1-EBS:VolumeUsage.gp2"), DrillDown.usageType(Optional.of("USE1-EBS:VolumeUsage.gp2")));
    assertEquals(List.of(), store().topResources("nobody", CostFilter.all(CostType.UNBLENDED), Optional.empty(), 10));
  }

  @Test
  void anUnknownTenantHasNoData() {
    assertEquals(List.of(), store().dailyCost("nobody", CostFilter.all(CostType.AMORTIZED)));
    assertEquals(Optional.empty(), store().slaStatus("nobody"));
    assertEquals(new BigDecimal("0.00"), store().summary("nobody", Optional.empty(), CostType.AMORTIZED).monthToDate());
  }

  protected static BigDecimal usd(Object value) {
    return (value == null ? BigDecimal.ZERO : new BigDecimal(value.toString())).setScale(2, RoundingMode.HALF_UP);
  }

  private static CostFilter july(String service, CostType costType) {
    return new CostFilter(Optional.of(JULY_1), Optional.of(JULY_31), Optional.empty(), Optional.empty(), Optional.of(service),
        Optional.empty(), Optional.empty(), costType);
  }

  private static BigDecimal sum(List<DailyCost> days) {
    return days.stream().map(DailyCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
