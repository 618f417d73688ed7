package org.curlake.api.quality;

import java.util.List;
import java.util.Set;
import org.curlake.api.auth.Role;
import org.curlake.api.store.CuratedStore;
import org.curlake.api.web.ApiRoute;

/** A tenant's data health: freshness SLA (every role) and data-quality results (tenant admins). */
public final class QualityRoutes {
  private static final String BASE = "/api/v1/tenants/{tenant}";

  private QualityRoutes() {}

  public static List<ApiRoute> routes(CuratedStore store) {
    return List.of(
        new ApiRoute(BASE + "/sla", Role.VIEWER, Set.of(), null, "freshness against the SLA (latest check)",
            r -> new SlaView(r.tenant(), store.slaStatus(r.tenant()).orElse(null))),
        new ApiRoute(BASE + "/data-quality", Role.TENANT_ADMIN, Set.of(), DqCheck.class,
            "data-quality check results of the latest run", r -> store.dataQuality(r.tenant())));
  }

  /** The SLA response: the tenant and its latest state (null before the first check). */
  public record SlaView(String tenant, SlaState sla) {}
}
