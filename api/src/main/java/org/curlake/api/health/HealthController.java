package org.curlake.api.health;

import io.javalin.http.Context;
import org.curlake.config.Tenants;

/** {@code GET /health}: liveness, and how many tenants the API serves. Needs no token: it shows no data. */
public final class HealthController {
  private final Tenants tenants;

  public HealthController(Tenants tenants) {
    this.tenants = tenants;
  }

  public void health(Context ctx) {
    ctx.json(new HealthStatus("ok", tenants.active().size()));
  }

  /** The health response. */
  public record HealthStatus(String status, int activeTenants) {}
}
