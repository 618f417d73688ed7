package org.curlake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthRouteTest {
  @TempDir Path dir;

  @Test
  void healthReportsTheActiveTenantsWithoutAToken() {
    ApiApp.Services services = TestApi.services(dir.resolve("lake").toString(), dir.resolve("audit.log"));
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      var response = client.get("/health");
      assertEquals(200, response.code());
      assertEquals("{\"status\":\"ok\",\"activeTenants\":" + services.tenants().active().size() + "}", response.body().string());
    });
  }

  @Test
  void unknownRoutesAreNotFoundAsJson() {
    JavalinTest.test(ApiApp.create(TestApi.services(dir.resolve("lake").toString(), dir.resolve("audit.log"))), (server, client) -> {
      var response = client.get("/api/v0/x");
      assertEquals(404, response.code());
      assertTrue(response.body().string().contains("\"error\":\"not_found\""));
    });
  }
}
