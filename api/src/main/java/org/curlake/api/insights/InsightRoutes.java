package org.curlake.api.insights;

import java.util.List;
import java.util.Set;
import org.curlake.api.auth.Role;
import org.curlake.api.store.CuratedStore;
import org.curlake.api.web.ApiRoute;
import org.curlake.api.web.RequestParams;

/** A tenant's insight routes: idle resources, cost anomalies and their drivers. */
public final class InsightRoutes {
  private static final String BASE = "/api/v1/tenants/{tenant}";

  private InsightRoutes() {}

  public static List<ApiRoute> routes(CuratedStore store) {
    return List.of(
        new ApiRoute(BASE + "/idle-resources", Role.VIEWER, Set.of("period"), IdleResource.class,
            "idle resources and unused commitments, most wasteful first",
            r -> store.idleResources(r.tenant(), r.params().period("period"))),
        new ApiRoute(BASE + "/anomalies", Role.VIEWER, Set.of("from", "to", "service", "all"), Anomaly.class,
            "cost anomalies per service and day (all=true includes normal days)",
            r -> store.anomalies(r.tenant(), query(r.params()))),
        new ApiRoute(BASE + "/anomalies/drivers", Role.VIEWER, Set.of("from", "to", "service"), AnomalyDriver.class,
            "the ranked root causes of the anomalies", r -> store.anomalyDrivers(r.tenant(), query(r.params()))));
  }

  private static AnomalyQuery query(RequestParams params) {
    return new AnomalyQuery(params.date("from"), params.date("to"), params.code("service"), params.flag("all"));
  }
}
