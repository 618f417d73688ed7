package org.curlake.api.cost;

import java.util.List;
import java.util.Set;
import org.curlake.api.auth.Role;
import org.curlake.api.store.CuratedStore;
import org.curlake.api.web.ApiRoute;
import org.curlake.api.web.RequestParams;

/** The cost routes of a tenant: summary KPIs, daily cost, top services and accounts, monthly trend, cost by tag. */
public final class CostRoutes {
  /** The filter parameters every cost list accepts. */
  public static final Set<String> FILTER_PARAMS = Set.of("from", "to", "account", "ou", "service", "region", "tag", "costType");
  private static final String BASE = "/api/v1/tenants/{tenant}";

  private CostRoutes() {}

  public static List<ApiRoute> routes(CuratedStore store) {
    Set<String> topParams = ApiRoute.union(FILTER_PARAMS, Set.of("limit"));
    return List.of(
        new ApiRoute(BASE + "/summary", Role.VIEWER, Set.of("asOf", "costType"), null,
            "month to date, last month, forecast and budget status",
            r -> store.summary(r.tenant(), r.params().date("asOf"), CostType.parse(r.params().text("costType").orElse(null)))),
        new ApiRoute(BASE + "/costs/daily", Role.VIEWER, FILTER_PARAMS, DailyCost.class, "cost per usage day",
            r -> store.dailyCost(r.tenant(), filter(r.params()))),
        new ApiRoute(BASE + "/costs/top-services", Role.VIEWER, topParams, RankedCost.class, "most expensive services",
            r -> store.topServices(r.tenant(), filter(r.params()), limit(r.params()))),
        new ApiRoute(BASE + "/costs/top-accounts", Role.VIEWER, topParams, RankedCost.class, "most expensive accounts",
            r -> store.topAccounts(r.tenant(), filter(r.params()), limit(r.params()))),
        new ApiRoute(BASE + "/costs/top-usage-types", Role.VIEWER, topParams, RankedCost.class,
            "most expensive usage types (drill-down below a service; no tag filter)",
            r -> store.topUsageTypes(r.tenant(), filter(r.params()), limit(r.params()))),
        new ApiRoute(BASE + "/costs/top-resources", Role.VIEWER, ApiRoute.union(topParams, Set.of("usageType")), RankedCost.class,
            "most expensive resources, optionally of one usageType (FOCUS line items; unblended or amortized)",
            r -> store.topResources(r.tenant(), filter(r.params()), DrillDown.usageType(r.params().text("usageType")),
                limit(r.params()))),
        new ApiRoute(BASE + "/costs/monthly", Role.VIEWER, FILTER_PARAMS, MonthlyCost.class,
            "cost per billing period with month-over-month change",
            r -> store.monthlyTrend(r.tenant(), filter(r.params()))),
        new ApiRoute(BASE + "/costs/by-tag/{tagKey}", Role.VIEWER, FILTER_PARAMS, TagCost.class,
            "cost per value of a tag key", r -> store.costByTag(r.tenant(), r.pathParam("tagKey"), filter(r.params()))));
  }

  /** The cost filter of a request's parameters. */
  public static CostFilter filter(RequestParams params) {
    return new CostFilter(params.date("from"), params.date("to"), params.account("account"), params.label("ou"),
        params.code("service"), params.region("region"), params.text("tag").map(TagFilter::parse),
        CostType.parse(params.text("costType").orElse(null)));
  }

  private static int limit(RequestParams params) {
    return params.integer("limit", 10, 1, 100);
  }
}
