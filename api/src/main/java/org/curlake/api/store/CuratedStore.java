package org.curlake.api.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.curlake.api.cost.CostFilter;
import org.curlake.api.cost.CostSummary;
import org.curlake.api.cost.CostType;
import org.curlake.api.cost.DailyCost;
import org.curlake.api.cost.Money;
import org.curlake.api.cost.MonthlyCost;
import org.curlake.api.cost.RankedCost;
import org.curlake.api.cost.TagCost;
import org.curlake.api.insights.Anomaly;
import org.curlake.api.insights.AnomalyDriver;
import org.curlake.api.insights.AnomalyQuery;
import org.curlake.api.insights.IdleResource;
import org.curlake.api.quality.DqCheck;
import org.curlake.api.quality.SlaState;

/**
 * Typed read queries over one tenant's curated layer. Every method reads only the given tenant's
 * rows; the tenant id has been validated by the caller. Money is USD rounded to the cent, summed
 * exactly before rounding. Implementations: Delta Kernel (in process) and Trino (JDBC); both pass
 * the same contract test suite.
 */
public interface CuratedStore extends AutoCloseable {

  /** Month to date and the previous month as of {@code asOf} (default: the latest usage date), with the budget view. */
  default CostSummary summary(String tenant, Optional<LocalDate> asOf, CostType costType) {
    Optional<LocalDate> day = asOf.or(() -> latestUsageDate(tenant));
    if (day.isEmpty()) {
      return new CostSummary(tenant, null, costType.label(), Money.usd(null), Money.usd(null), null);
    }
    LocalDate first = day.get().withDayOfMonth(1);
    CostFilter all = CostFilter.all(costType);
    return new CostSummary(tenant, day.get(), costType.label(), totalCost(tenant, all.between(first, day.get())),
        totalCost(tenant, all.between(first.minusMonths(1), first.minusDays(1))), budget(tenant, day.get()).orElse(null));
  }

  /** The latest usage date with cost, if the tenant has any. */
  Optional<LocalDate> latestUsageDate(String tenant);

  /** The month's budget status on the latest analytics date not after {@code asOf}. */
  Optional<CostSummary.BudgetView> budget(String tenant, LocalDate asOf);

  /** The filter's total cost (summed exactly, then rounded to the cent). */
  BigDecimal totalCost(String tenant, CostFilter filter);

  /** Cost per usage day, ascending, for the filter. */
  List<DailyCost> dailyCost(String tenant, CostFilter filter);

  /** The {@code limit} most expensive services (product codes) for the filter. */
  List<RankedCost> topServices(String tenant, CostFilter filter, int limit);

  /** The {@code limit} most expensive usage accounts for the filter. */
  List<RankedCost> topAccounts(String tenant, CostFilter filter, int limit);

  /** The {@code limit} most expensive usage types for the filter (the drill-down below a service); no tag filter. */
  List<RankedCost> topUsageTypes(String tenant, CostFilter filter, int limit);

  /** The {@code limit} most expensive resources for the filter (of one usage type, when given), from the FOCUS line items. */
  List<RankedCost> topResources(String tenant, CostFilter filter, Optional<String> usageType, int limit);

  /** Cost per billing period, ascending, with the change against the previous calendar month. */
  List<MonthlyCost> monthlyTrend(String tenant, CostFilter filter);

  /** Cost per value of one (normalised) tag key, most expensive first; the filter's tag must be empty. */
  List<TagCost> costByTag(String tenant, String tagKey, CostFilter filter);

  /** Idle resources, most wasteful first; one billing period or all. */
  List<IdleResource> idleResources(String tenant, Optional<String> billingPeriod);

  /** Service-day anomaly rows, newest first then by impact. */
  List<Anomaly> anomalies(String tenant, AnomalyQuery query);

  /** The ranked drivers of the anomalies in the query's dates (and service). */
  List<AnomalyDriver> anomalyDrivers(String tenant, AnomalyQuery query);

  /** Freshness against the SLA from the latest check run, if any. */
  Optional<SlaState> slaStatus(String tenant);

  /** The data-quality results of the latest check run. */
  List<DqCheck> dataQuality(String tenant);

  /** Counters for /metrics (cache hits, table reads ...), by metric name. */
  default Map<String, Long> counters() {
    return Map.of();
  }

  @Override
  default void close() {}
}
