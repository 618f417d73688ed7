package org.curlake.api;

import io.javalin.Javalin;
import org.curlake.api.dashboard.DashboardAssets;
import org.curlake.api.health.HealthController;
import org.curlake.config.Tenants;

/**
 * Builds the HTTP API from its dependencies; every route is registered here, in one place. The
 * cost routes, authentication and dashboards arrive with the API issue; until then the API only
 * reports its health.
 */
public final class ApiApp {
  private ApiApp() {}

  public static Javalin create(Tenants tenants) {
    HealthController health = new HealthController(tenants);
    return Javalin.create(config -> {
          config.showJavalinBanner = false;
          DashboardAssets.register(config);
        })
        .get("/health", health::health);
  }
}
