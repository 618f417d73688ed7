package org.curlake.api.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.Response;
import org.curlake.api.ApiApp;
import org.curlake.api.LakeFixture;
import org.curlake.api.TestApi;
import org.curlake.api.auth.RateLimit;
import org.curlake.api.auth.Role;
import org.curlake.api.store.kernel.KernelCuratedStore;
import org.curlake.api.web.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access to EVERY registered route (the list comes from {@link ApiApp#routes}, so a new route cannot
 * be missed): 401 without or with a wrong token, 403 for another tenant or a missing role, 400 on bad
 * tenant ids and unknown parameters, 429 over the rate limit, and an audit line per cost view.
 */
class RouteAccessTest {
  private static final Path AUDIT = LakeFixture.projectRoot().resolve("api/target/route-access-audit.log");
  private static KernelCuratedStore store;
  private static ApiApp.Services services;

  @BeforeAll
  static void start() throws Exception {
    Files.deleteIfExists(AUDIT);
    store = KernelCuratedStore.open(LakeFixture.shared().lake(), Duration.ZERO);
    services = TestApi.services(store, AUDIT);
  }

  @AfterAll
  static void stop() {
    services.audit().close();
    store.close();
  }

  private static List<ApiRoute> routes() {
    return ApiApp.routes(services.store(), services.tenants());
  }

  private static String url(ApiRoute route, String tenant) {
    return route.path().replace("{tenant}", tenant).replace("{tagKey}", "team");
  }

  @Test
  void everyRouteNeedsAValidToken() {
    assertTrue(routes().size() >= 13, "all routes registered: " + routes().size());
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      for (ApiRoute route : routes()) {
        Response none = client.get(url(route, "acme"));
        assertEquals(401, none.code(), route.path());
        assertTrue(none.body().string().contains("\"error\":\"unauthorized\""), route.path());
        assertEquals(401, get(client, url(route, "acme"), "not-a-token").code(), route.path());
        assertEquals(401, client.get(url(route, "acme"), b -> b.header("Authorization", "Basic abc")).code(), route.path());
      }
    });
  }

  @Test
  void everyTenantRouteRefusesOtherTenantsWithoutData() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      for (ApiRoute route : routes()) {
        if (!route.tenantScoped()) {
          continue;
        }
        for (String[] userAndTenant : List.of(new String[] {TestApi.VIEWER_ACME, "globex"},
            new String[] {TestApi.ADMIN_GLOBEX, "acme"}, new String[] {TestApi.VIEWER_ACME, "workshop"})) {
          Response response = get(client, url(route, userAndTenant[1]), userAndTenant[0]);
          String body = response.body().string();
          assertEquals(403, response.code(), route.path() + " " + userAndTenant[1] + ": " + body);
          assertTrue(body.startsWith("{\"error\":\"forbidden\""), body);
          assertFalse(body.contains("items") || body.contains("cost"), body);
        }
        assertEquals(route.minimumRole() == Role.VIEWER ? 200 : 403,
            get(client, url(route, "acme"), TestApi.VIEWER_ACME).code(), route.path());
        assertEquals(200, get(client, url(route, "globex"), TestApi.ADMIN_GLOBEX).code(), route.path());
        assertEquals(200, get(client, url(route, "globex"), TestApi.PLATFORM).code(), route.path());
      }
    });
  }

  @Test
  void platformRoutesNeedThePlatformRole() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      for (ApiRoute route : routes()) {
        if (route.tenantScoped()) {
          continue;
        }
        boolean adminOnly = route.minimumRole() == Role.PLATFORM_ADMIN;
        assertEquals(adminOnly ? 403 : 200, get(client, route.path(), TestApi.VIEWER_ACME).code(), route.path());
        assertEquals(adminOnly ? 403 : 200, get(client, route.path(), TestApi.ADMIN_GLOBEX).code(), route.path());
        assertEquals(200, get(client, route.path(), TestApi.PLATFORM).code(), route.path());
      }
    });
  }

  @Test
  void badTenantIdsAndUnknownParametersAreRefused() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      for (ApiRoute route : routes()) {
        if (route.tenantScoped()) {
          for (String trick : List.of("%2e%2e", "..", "%2e%2e%2fglobex", "acme%2f..")) {
            Response response = get(client, url(route, trick), TestApi.PLATFORM);
            String body = response.body().string();
            assertTrue(response.code() == 400 || response.code() == 404, route.path() + " " + trick + ": " + body);
            assertTrue(body.startsWith("{\"error\":"), body);
          }
          for (String tenant : List.of("ACME", "a", "acme%2F..%2Fglobex", "..%2Fglobex", "acme;drop", "x".repeat(60))) {
            Response response = get(client, url(route, tenant), TestApi.PLATFORM);
            String body = response.body().string();
            assertEquals(400, response.code(), route.path() + " " + tenant + ": " + body);
            assertTrue(body.startsWith("{\"error\":\"bad_request\""), body);
          }
          assertEquals(404, get(client, url(route, "nosuchtenant"), TestApi.PLATFORM).code(), route.path());
          assertEquals(403, get(client, url(route, "nosuchtenant"), TestApi.VIEWER_ACME).code(), route.path());
        }
        Response unknown = get(client, url(route, "acme") + "?nosuchfilter=1", TestApi.PLATFORM);
        assertEquals(400, unknown.code(), route.path());
        assertTrue(unknown.body().string().contains("nosuchfilter"));
        if (route.list()) {
          assertEquals(400, get(client, url(route, "acme") + "?size=100000", TestApi.PLATFORM).code(), route.path());
          assertEquals(400, get(client, url(route, "acme") + "?page=0", TestApi.PLATFORM).code(), route.path());
          assertEquals(400, get(client, url(route, "acme") + "?format=xml", TestApi.PLATFORM).code(), route.path());
        }
      }
    });
  }

  @Test
  void everyCostViewIsAudited() throws Exception {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      assertEquals(200, get(client, "/api/v1/tenants/acme/summary?costType=net", TestApi.VIEWER_ACME).code());
      assertEquals(403, get(client, "/api/v1/tenants/globex/summary", TestApi.VIEWER_ACME).code());
    });
    services.audit().flush();
    List<String> lines = Files.readAllLines(AUDIT);
    assertTrue(lines.stream().anyMatch(l -> l.contains("event=cost_view user=ana tenant=acme route=\"/api/v1/tenants/{tenant}/summary\"")
        && l.contains("query=\"costType=net\"") && l.startsWith("ts=")), String.join("\n", lines));
    assertFalse(lines.stream().anyMatch(l -> l.contains("user=ana tenant=globex")), "refused requests show no data");
  }

  @Test
  void eachTokenIsRateLimited() {
    ApiApp.Services limited = new ApiApp.Services(services.tenants(), services.store(),
        services.users().withRateLimit(new RateLimit(1, 3)), services.audit());
    JavalinTest.test(ApiApp.create(limited), (server, client) -> {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, get(client, "/api/v1/tenants", TestApi.VIEWER_ACME).code());
      }
      Response refused = get(client, "/api/v1/tenants", TestApi.VIEWER_ACME);
      assertEquals(429, refused.code());
      assertTrue(refused.body().string().contains("\"error\":\"rate_limited\""));
      assertEquals("1", refused.header("Retry-After"));
      assertEquals(200, get(client, "/api/v1/tenants", TestApi.PLATFORM).code(), "another token has its own bucket");
    });
  }

  static Response get(HttpClient client, String path, String token) {
    return client.get(path, b -> b.header("Authorization", "Bearer " + token));
  }
}
