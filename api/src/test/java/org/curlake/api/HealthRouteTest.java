package org.curlake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import org.curlake.config.TenantConfigLoader;
import org.curlake.config.Tenants;
import org.junit.jupiter.api.Test;

class HealthRouteTest {
  private final Tenants tenants = new TenantConfigLoader(Path.of("../config")).load();

  @Test
  void healthReportsTheActiveTenants() {
    JavalinTest.test(ApiApp.create(tenants), (server, client) -> {
      var response = client.get("/health");
      assertEquals(200, response.code());
      assertEquals("{\"status\":\"ok\",\"activeTenants\":" + tenants.active().size() + "}", response.body().string());
    });
  }

  @Test
  void unknownRoutesAreNotFound() {
    JavalinTest.test(ApiApp.create(tenants), (server, client) -> assertEquals(404, client.get("/api/v0/x").code()));
  }
}
