package org.curlake.api.platform;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.curlake.api.auth.Role;
import org.curlake.api.cost.CostFilter;
import org.curlake.api.cost.CostRoutes;
import org.curlake.api.store.CuratedStore;
import org.curlake.api.web.ApiRoute;
import org.curlake.config.TenantConfig;
import org.curlake.config.Tenants;

/** Routes across tenants: the tenants a token may see, and (platform admins) every tenant's total cost. */
public final class PlatformRoutes {
  private PlatformRoutes() {}

  public static List<ApiRoute> routes(CuratedStore store, Tenants tenants) {
    return List.of(
        new ApiRoute("/api/v1/tenants", Role.VIEWER, Set.of(), TenantView.class, "the tenants this token may see",
            r -> tenants.active().stream().filter(t -> r.user().maySee(t.id()))
                .map(t -> new TenantView(t.id(), t.displayName())).toList()),
        new ApiRoute("/api/v1/platform/totals", Role.PLATFORM_ADMIN, Set.of("from", "to", "costType"), TenantTotal.class,
            "total cost per tenant, most expensive first (platform admins)", r -> {
              CostFilter filter = CostRoutes.filter(r.params());
              return tenants.active().stream().map(t -> total(store, t, filter))
                  .sorted(Comparator.comparing(TenantTotal::cost).reversed().thenComparing(TenantTotal::tenantId))
                  .toList();
            }));
  }

  private static TenantTotal total(CuratedStore store, TenantConfig tenant, CostFilter filter) {
    return new TenantTotal(tenant.id(), tenant.displayName(), filter.costType().label(), store.totalCost(tenant.id(), filter));
  }

  /** A tenant the token may see. */
  public record TenantView(String tenantId, String displayName) {}

  /** One tenant's total cost over the dates asked. */
  public record TenantTotal(String tenantId, String displayName, String costType, BigDecimal cost) {}
}
