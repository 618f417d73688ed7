package org.curlake.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.curlake.api.LakeFixture;
import org.curlake.api.cost.CostFilter;
import org.curlake.api.cost.CostType;
import org.curlake.api.cost.DrillDown;
import org.curlake.api.cost.RankedCost;
import org.curlake.api.cost.TagFilter;
import org.curlake.api.store.kernel.KernelCuratedStore;
import org.curlake.api.web.BadRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboards' drill-down (service → usage type → resource) on Delta Kernel, against Spark SQL over the same lake. */
class DrillDownStoreTest {
  private static final LocalDate FROM = LocalDate.of(2025, 7, 1);
  private static final LocalDate TO = LocalDate.of(2025, 7, 31);
  private static final LakeFixture LAKE = LakeFixture.shared();
  private static KernelCuratedStore store;

  @BeforeAll
  static void open() {
    store = KernelCuratedStore.open(LAKE.lake(), Duration.ZERO);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void usageTypesOfAServiceAreRankedByCost() {
    String service = LAKE.sql("select product_code from fct_cost_daily where tenant_id = 'globex'"
        + " group by 1 order by sum(amortized_cost) desc limit 1").get(0).getString(0);
    List<RankedCost> usageTypes = store.topUsageTypes("globex", july(service, CostType.AMORTIZED), 100);
    List<Row> expected = LAKE.sql("select usage_type, sum(amortized_cost) c from fct_cost_daily where tenant_id = 'globex'"
        + " and product_code = '" + service + "' and usage_date between date'" + FROM + "' and date'" + TO + "'"
        + " group by 1 order by c desc, 1");
    assertEquals(expected.size(), usageTypes.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(new RankedCost(i + 1, expected.get(i).getString(0), expected.get(i).getString(0), usd(expected.get(i).get(1))),
          usageTypes.get(i));
    }
  }

  @Test
  void resourcesOfAUsageTypeSumTheFocusLineItems() {
    Row top = LAKE.sql("select x_ServiceCode, x_UsageType from focus_costs where tenant_id = 'globex' and ResourceId is not null"
        + " and to_date(ChargePeriodStart) between date'" + FROM + "' and date'" + TO + "'"
        + " group by 1, 2 order by count(distinct ResourceId) desc, sum(BilledCost) desc limit 1").get(0);
    List<RankedCost> resources = store.topResources("globex", july(top.getString(0), CostType.UNBLENDED), Optional.of(top.getString(1)), 100);
    List<Row> expected = LAKE.sql("select coalesce(nullif(trim(ResourceId), ''), '" + DrillDown.NO_RESOURCE + "'), sum(BilledCost) c"
        + " from focus_costs where tenant_id = 'globex' and x_ServiceCode = '" + top.getString(0) + "' and x_UsageType = '"
        + top.getString(1) + "' and to_date(ChargePeriodStart) between date'" + FROM + "' and date'" + TO + "'"
        + " group by 1 order by c desc, 1 limit 100");
    assertTrue(resources.size() > 1, "the busiest usage type has several resources: " + resources);
    assertEquals(expected.size(), resources.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).getString(0), resources.get(i).id());
      assertEquals(usd(expected.get(i).get(1)), resources.get(i).cost(), resources.get(i).id());
    }
    BigDecimal usageTypeTotal = store.topUsageTypes("globex", july(top.getString(0), CostType.UNBLENDED), 100).stream()
        .filter(u -> u.id().equals(top.getString(1))).findFirst().orElseThrow().cost();
    BigDecimal resourceTotal = store.topResources("globex", july(top.getString(0), CostType.UNBLENDED), Optional.of(top.getString(1)), 100)
        .stream().map(RankedCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertTrue(usageTypeTotal.subtract(resourceTotal).abs().compareTo(new BigDecimal("0.05")) <= 0,
        "resources add up to their usage type: " + resourceTotal + " vs " + usageTypeTotal);
  }

  @Test
  void filtersTheStoresCannotAnswerAreRefused() {
    CostFilter tagged = new CostFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(new TagFilter("team", "core")), CostType.AMORTIZED);
    assertThrows(BadRequest.class, () -> store.topUsageTypes("globex", tagged, 10));
    assertThrows(BadRequest.class, () -> store.topResources("globex", tagged, Optional.empty(), 10));
    assertThrows(BadRequest.class, () -> store.topResources("globex", CostFilter.all(CostType.NET), Optional.of("BoxUsage"), 10));
    assertThrows(BadRequest.class, () -> DrillDown.usageType(Optional.of("x'; drop table t")));
    assertEquals(Optional.of("USE1-EBS:VolumeUsage.gp2"), DrillDown.usageType(Optional.of("USE1-EBS:VolumeUsage.gp2")));
  }

  private static CostFilter july(String service, CostType costType) {
    return new CostFilter(Optional.of(FROM), Optional.of(TO), Optional.empty(), Optional.empty(), Optional.of(service),
        Optional.empty(), Optional.empty(), costType);
  }

  private static BigDecimal usd(Object value) {
    return (value == null ? BigDecimal.ZERO : new BigDecimal(value.toString())).setScale(2, RoundingMode.HALF_UP);
  }
}
