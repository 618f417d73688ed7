package org.curlake.api.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import okhttp3.Response;
import org.apache.spark.sql.Row;
import org.curlake.api.ApiApp;
import org.curlake.api.LakeFixture;
import org.curlake.api.TestApi;
import org.curlake.api.store.kernel.KernelCuratedStore;
import org.curlake.api.web.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route's numbers over HTTP against Spark SQL on the fixture lake; pagination, CSV, bad values, metrics, docs. */
class RouteNumbersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LakeFixture LAKE = LakeFixture.shared();
  private static KernelCuratedStore store;
  private static ApiApp.Services services;

  @BeforeAll
  static void start() {
    store = KernelCuratedStore.open(LAKE.lake(), Duration.ZERO);
    services = TestApi.services(store, LakeFixture.projectRoot().resolve("api/target/route-numbers-audit.log"));
  }

  @AfterAll
  static void stop() {
    services.audit().close();
    store.close();
  }

  @Test
  void costRoutesMatchSpark() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      JsonNode summary = json(client, "/api/v1/tenants/acme/summary?asOf=2025-08-20&costType=unblended", TestApi.VIEWER_ACME);
      assertUsd(LAKE.usd("select sum(unblended_cost) from fct_cost_daily where tenant_id = 'acme'"
          + " and usage_date between '2025-08-01' and '2025-08-20'"), summary.get("monthToDate"));
      assertEquals("unblended", summary.get("costType").asText());
      assertEquals("EXCEEDED", summary.get("budget").get("status").asText());

      JsonNode daily = json(client, "/api/v1/tenants/globex/costs/daily?from=2025-07-01&to=2025-07-31&costType=amortized",
          TestApi.ADMIN_GLOBEX);
      assertEquals(31, daily.get("total").asInt());
      List<Row> expected = LAKE.sql("select usage_date, sum(amortized_cost) from fct_cost_daily where tenant_id = 'globex'"
          + " and billing_period = '2025-07' group by 1 order by 1");
      for (int i = 0; i < 31; i++) {
        assertEquals(expected.get(i).getDate(0).toString(), daily.get("items").get(i).get("date").asText());
        assertUsd(usd(expected.get(i).get(1)), daily.get("items").get(i).get("cost"));
      }

      JsonNode services = json(client, "/api/v1/tenants/acme/costs/top-services?limit=2", TestApi.VIEWER_ACME);
      assertEquals(2, services.get("items").size());
      Row top = LAKE.sql("select product_code, sum(amortized_cost) c from fct_cost_daily where tenant_id = 'acme'"
          + " group by 1 order by c desc limit 1").get(0);
      assertEquals(top.getString(0), services.get("items").get(0).get("id").asText());
      assertUsd(usd(top.get(1)), services.get("items").get(0).get("cost"));

      JsonNode accounts = json(client, "/api/v1/tenants/acme/costs/top-accounts?limit=1&from=2025-08-01", TestApi.VIEWER_ACME);
      assertUsd(usd(LAKE.sql("select sum(amortized_cost) c from fct_cost_daily where tenant_id = 'acme'"
          + " and usage_date >= '2025-08-01' group by usage_account_id order by c desc limit 1").get(0).get(0)),
          accounts.get("items").get(0).get("cost"));

      JsonNode monthly = json(client, "/api/v1/tenants/acme/costs/monthly", TestApi.VIEWER_ACME);
      assertEquals(3, monthly.get("total").asInt());
      assertEquals("2025-06", monthly.get("items").get(0).get("billingPeriod").asText());

      JsonNode tag = json(client, "/api/v1/tenants/acme/costs/by-tag/Environment?from=2025-08-01", TestApi.VIEWER_ACME);
      BigDecimal tagTotal = BigDecimal.ZERO;
      for (JsonNode item : tag.get("items")) {
        tagTotal = tagTotal.add(item.get("cost").decimalValue());
      }
      BigDecimal dayTotal = LAKE.usd("select sum(amortized_cost) from fct_cost_daily where tenant_id = 'acme'"
          + " and usage_date >= '2025-08-01'");
      assertTrue(tagTotal.subtract(dayTotal).abs().compareTo(new BigDecimal("0.05")) <= 0,
          "every cost lands in one value of the key or in untagged: " + tagTotal + " vs " + dayTotal);
    });
  }

  @Test
  void filtersAndPagination() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      Row cell = LAKE.sql("select usage_account_id, product_code, region_code, business_unit from fct_cost_daily"
          + " where tenant_id = 'acme' group by 1, 2, 3, 4 order by sum(amortized_cost) desc limit 1").get(0);
      String filter = "account=" + cell.getString(0) + "&service=" + cell.getString(1) + "&region=" + cell.getString(2)
          + "&ou=" + cell.getString(3).replace(" ", "%20") + "&costType=net";
      JsonNode filtered = json(client, "/api/v1/tenants/acme/costs/daily?" + filter + "&size=1000", TestApi.VIEWER_ACME);
      BigDecimal sum = BigDecimal.ZERO.setScale(2);
      for (JsonNode item : filtered.get("items")) {
        sum = sum.add(item.get("cost").decimalValue());
      }
      List<Row> expected = LAKE.sql("select usage_date, sum(coalesce(net_amortized_cost, 0)) from fct_cost_daily"
          + " where tenant_id = 'acme' and usage_account_id = '" + cell.getString(0) + "' and product_code = '"
          + cell.getString(1) + "' and region_code = '" + cell.getString(2) + "' and business_unit = '" + cell.getString(3)
          + "' group by 1");
      BigDecimal expectedSum = expected.stream().map(r -> usd(r.get(1))).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(expected.size(), filtered.get("total").asInt());
      assertEquals(0, expectedSum.compareTo(sum), expectedSum + " vs " + sum);

      JsonNode all = json(client, "/api/v1/tenants/acme/costs/daily?size=1000", TestApi.VIEWER_ACME);
      JsonNode page = json(client, "/api/v1/tenants/acme/costs/daily?size=7&page=3", TestApi.VIEWER_ACME);
      assertEquals(7, page.get("items").size());
      assertEquals(all.get("total").asInt(), page.get("total").asInt());
      assertEquals(all.get("items").get(14), page.get("items").get(0));
      JsonNode beyond = json(client, "/api/v1/tenants/acme/costs/daily?size=7&page=1000", TestApi.VIEWER_ACME);
      assertEquals(0, beyond.get("items").size());

      String tagValue = LAKE.sql("select tag_value from fct_cost_by_tag where tenant_id = 'acme' and tag_key = 'team'"
          + " and tag_value <> 'untagged' group by 1 order by sum(amortized_cost) desc limit 1").get(0).getString(0);
      JsonNode tagged = json(client, "/api/v1/tenants/acme/costs/monthly?tag=team:" + java.net.URLEncoder.encode(tagValue,
          java.nio.charset.StandardCharsets.UTF_8), TestApi.VIEWER_ACME);
      BigDecimal taggedTotal = BigDecimal.ZERO;
      for (JsonNode item : tagged.get("items")) {
        taggedTotal = taggedTotal.add(item.get("cost").decimalValue());
      }
      assertEquals(0, LAKE.sql("select billing_period, sum(amortized_cost) from fct_cost_by_tag where tenant_id = 'acme'"
          + " and tag_key = 'team' and tag_value = '" + tagValue.replace("'", "\\'") + "' group by 1").stream()
          .map(r -> usd(r.get(1))).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(taggedTotal));
    });
  }

  @Test
  void badValuesAreRefusedAsJson() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      for (String query : List.of("from=2025-13-01", "from=yesterday", "to=2025-02-30", "from=2025-08-02&to=2025-08-01",
          "costType=blended", "account=12345", "account=1111%27%20or%201=1", "region=US_EAST", "service=%3Cscript%3E",
          "tag=novalue", "tag=:x", "tag=team:", "region=us-east-1&tag=team:x", "size=0", "size=abc", "page=-1",
          "from=2025-08-01&from=2025-08-02", "ou=%0Aevil")) {
        Response response = RouteAccessTest.get(client, "/api/v1/tenants/acme/costs/daily?" + query, TestApi.VIEWER_ACME);
        String body = response.body().string();
        assertEquals(400, response.code(), query + ": " + body);
        assertTrue(body.startsWith("{\"error\":\"bad_request\",\"message\":\"parameter '"), body);
      }
      for (String path : List.of("/api/v1/tenants/acme/summary?asOf=2025-8-1", "/api/v1/tenants/acme/costs/top-services?limit=1000",
          "/api/v1/tenants/acme/idle-resources?period=2025-13", "/api/v1/tenants/acme/anomalies?all=yes",
          "/api/v1/tenants/acme/costs/by-tag/..%2F..", "/api/v1/tenants/acme/summary?format=csv",
          "/api/v1/tenants/acme/costs/by-tag/team?tag=team:x")) {
        assertEquals(400, RouteAccessTest.get(client, path, TestApi.VIEWER_ACME).code(), path);
      }
    });
  }

  @Test
  void insightAndQualityRoutesMatchSpark() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      JsonNode idle = json(client, "/api/v1/tenants/acme/idle-resources?period=2025-08", TestApi.VIEWER_ACME);
      assertEquals(LAKE.sql("select count(*) from fct_idle_resources where tenant_id = 'acme'").get(0).getLong(0),
          idle.get("total").asLong());
      JsonNode anomalies = json(client, "/api/v1/tenants/globex/anomalies?all=true&size=1000", TestApi.ADMIN_GLOBEX);
      assertEquals(LAKE.sql("select count(*) from fct_cost_anomalies where tenant_id = 'globex'").get(0).getLong(0),
          anomalies.get("total").asLong());
      JsonNode drivers = json(client, "/api/v1/tenants/globex/anomalies/drivers", TestApi.ADMIN_GLOBEX);
      assertEquals(LAKE.sql("select count(*) from fct_cost_anomaly_drivers where tenant_id = 'globex'").get(0).getLong(0),
          drivers.get("total").asLong());
      JsonNode sla = json(client, "/api/v1/tenants/acme/sla", TestApi.VIEWER_ACME);
      assertEquals(LAKE.sql("select status from sla_status where tenant_id = 'acme'").get(0).getString(0),
          sla.get("sla").get("status").asText());
      assertEquals(LakeFixture.CHECKED_AT.toString(), sla.get("sla").get("referenceTime").asText());
      JsonNode dq = json(client, "/api/v1/tenants/globex/data-quality", TestApi.ADMIN_GLOBEX);
      assertEquals(LAKE.sql("select count(*) from dq_results where tenant_id = 'globex'").get(0).getLong(0), dq.get("total").asLong());
    });
  }

  @Test
  void tenantsAndPlatformTotals() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      JsonNode viewer = json(client, "/api/v1/tenants", TestApi.VIEWER_ACME);
      assertEquals(1, viewer.get("total").asInt());
      assertEquals("acme", viewer.get("items").get(0).get("tenantId").asText());
      assertEquals(2, json(client, "/api/v1/tenants", TestApi.ADMIN_GLOBEX).get("total").asInt());
      assertEquals(services.tenants().active().size(), json(client, "/api/v1/tenants", TestApi.PLATFORM).get("total").asInt());
      JsonNode totals = json(client, "/api/v1/platform/totals?from=2025-07-01&to=2025-07-31", TestApi.PLATFORM);
      for (JsonNode item : totals.get("items")) {
        assertUsd(LAKE.usd("select sum(amortized_cost) from fct_cost_daily where tenant_id = '" + item.get("tenantId").asText()
            + "' and billing_period = '2025-07'"), item.get("cost"), item.toString());
      }
      assertUsd(new BigDecimal("0.00"), totals.get("items").get(totals.get("items").size() - 1).get("cost"),
          "workshop has no data in the fixture lake");
    });
  }

  @Test
  void everyListExportsCsv() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      for (ApiRoute route : ApiApp.routes(services.store(), services.tenants())) {
        if (!route.list()) {
          continue;
        }
        String path = route.path().replace("{tenant}", "globex").replace("{tagKey}", "team");
        Response csv = RouteAccessTest.get(client, path + "?format=csv", TestApi.PLATFORM);
        String body = csv.body().string();
        assertEquals(200, csv.code(), path);
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), path);
        String header = String.join(",", java.util.Arrays.stream(route.itemType().getRecordComponents()).map(c -> c.getName()).toList());
        assertTrue(body.startsWith(header + "\r\n"), path + ": " + body.lines().findFirst().orElse(""));
        JsonNode json = json(client, path + "?size=1000", TestApi.PLATFORM);
        assertEquals(json.get("total").asInt() + 1, body.split("\r\n").length, path);
        Response accept = client.get(path, b -> b.header("Authorization", "Bearer " + TestApi.PLATFORM).header("Accept", "text/csv"));
        assertEquals(body, accept.body().string(), path);
      }
    });
  }

  @Test
  void metricsOpenApiAndDocs() {
    JavalinTest.test(ApiApp.create(services), (server, client) -> {
      for (int i = 0; i < 3; i++) {
        json(client, "/api/v1/tenants/acme/summary", TestApi.VIEWER_ACME);
      }
      String metrics = client.get("/metrics").body().string();
      assertTrue(metrics.contains("curlake_api_requests_total{route=\"/api/v1/tenants/{tenant}/summary\",status=\"200\"} 3"), metrics);
      assertTrue(metrics.contains("curlake_api_request_duration_seconds_count{route=\"/api/v1/tenants/{tenant}/summary\"} 3"));
      assertTrue(metrics.matches("(?s).*curlake_api_store_cache_hits_total [1-9].*"), metrics);
      JsonNode openApi = JSON.readTree(client.get("/api/v1/openapi.json").body().string());
      assertEquals("3.0.3", openApi.get("openapi").asText());
      for (ApiRoute route : ApiApp.routes(services.store(), services.tenants())) {
        assertTrue(openApi.get("paths").has(route.path()), route.path());
      }
      assertTrue(openApi.get("components").get("schemas").has("DailyCost"));
      Response docs = client.get("/api/v1/docs");
      assertEquals(200, docs.code());
      assertTrue(docs.body().string().contains("/api/v1/openapi.json"));
    });
  }

  static JsonNode json(HttpClient client, String path, String token) throws java.io.IOException {
    Response response = RouteAccessTest.get(client, path, token);
    String body = response.body().string();
    assertEquals(200, response.code(), path + ": " + body);
    return JSON.readTree(body);
  }

  /** Money compared by value (JSON drops trailing zeros when parsed back). */
  private static void assertUsd(BigDecimal expected, JsonNode actual, Object... message) {
    assertEquals(0, expected.compareTo(actual.decimalValue()), expected + " vs " + actual + " " + java.util.Arrays.toString(message));
  }

  private static BigDecimal usd(Object value) {
    return (value == null ? BigDecimal.ZERO : new BigDecimal(value.toString())).setScale(2, RoundingMode.HALF_UP);
  }
}
