package org.curlake.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.curlake.api.auth.ApiUsers;
import org.curlake.api.auth.AuditLog;
import org.curlake.api.cost.CostRoutes;
import org.curlake.api.cost.CostSummary;
import org.curlake.api.dashboard.DashboardAssets;
import org.curlake.api.docs.OpenApiDocument;
import org.curlake.api.health.HealthController;
import org.curlake.api.insights.InsightRoutes;
import org.curlake.api.metrics.ApiMetrics;
import org.curlake.api.platform.PlatformRoutes;
import org.curlake.api.quality.QualityRoutes;
import org.curlake.api.store.CuratedStore;
import org.curlake.api.web.ApiError;
import org.curlake.api.web.ApiException;
import org.curlake.api.web.ApiRoute;
import org.curlake.api.web.BadRequest;
import org.curlake.api.web.RouteDispatcher;
import org.curlake.config.TenantConfig;
import org.curlake.config.Tenants;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTTP API from its dependencies; every route is registered here, in one place: the
 * public /health, /metrics, OpenAPI document and docs page, and the authenticated /api/v1 routes
 * ({@link #routes}), each run through the {@link RouteDispatcher}.
 */
public final class ApiApp {
  private static final Logger LOG = LoggerFactory.getLogger(ApiApp.class);
  private static final int RESPONSE_COPY_BUFFER_BYTES = 8 * 1024;

  private ApiApp() {}

  /** What the API is built from. */
  public record Services(Tenants tenants, CuratedStore store, ApiUsers users, AuditLog audit) {}

  /** Every authenticated route, in the order the docs list them. */
  public static List<ApiRoute> routes(CuratedStore store, Tenants tenants) {
    List<ApiRoute> routes = new ArrayList<>();
    routes.addAll(PlatformRoutes.routes(store, tenants));
    routes.addAll(CostRoutes.routes(store));
    routes.addAll(InsightRoutes.routes(store));
    routes.addAll(QualityRoutes.routes(store));
    return List.copyOf(routes);
  }

  public static Javalin create(Services services) {
    List<ApiRoute> routes = routes(services.store(), services.tenants());
    ApiMetrics metrics = new ApiMetrics(services.store()::counters);
    ObjectMapper mapper = objectMapper();
    RouteDispatcher dispatcher = new RouteDispatcher(services.users(), services.audit(),
        services.tenants().all().stream().map(TenantConfig::id).collect(Collectors.toSet()), mapper);
    Map<String, Object> openApi = OpenApiDocument.of(routes, Map.of(
        "/api/v1/tenants/{tenant}/summary", CostSummary.class,
        "/api/v1/tenants/{tenant}/sla", QualityRoutes.SlaView.class));
    String docsPage = resource("/api/docs.html");
    HealthController health = new HealthController(services.tenants());

    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      DashboardAssets.register(config);
      config.jsonMapper(new JavalinJackson(mapper, false));
      // Javalin copies each result through a buffer of this size, allocated per response (32 KiB by
      // default, 44% of all allocation under load); API responses are mostly far smaller.
      config.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
      // Encoded dots and slashes reach the tenant check (400) instead of Jetty's HTML refusal.
      config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.LEGACY));
      config.jetty.defaultHost = "127.0.0.1";
      config.requestLogger.http((ctx, ms) -> metrics.record(routeTemplate(ctx), ctx.statusCode(), ms / 1000.0));
    });
    app.get("/health", health::health);
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.prometheusText()));
    app.get("/api/v1/openapi.json", ctx -> ctx.json(openApi));
    app.get("/api/v1/docs", ctx -> ctx.html(docsPage));
    for (ApiRoute route : routes) {
      app.get(route.path(), dispatcher.handler(route));
    }
    app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.error(), e.getMessage())));
    app.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(new ApiError("bad_request", e.getMessage())));
    app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
        .json(new ApiError(e.getStatus() == 404 ? "not_found" : "http_" + e.getStatus(), e.getMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} failed", ctx.path(), e);
      ctx.status(500).json(new ApiError("internal_error", "the request failed; see the server log"));
    });
    return app;
  }

  /** The matched route's template (never the raw path, so metrics stay bounded), or "unmatched". */
  private static String routeTemplate(io.javalin.http.Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path == null || path.isEmpty() ? "unmatched" : path;
    } catch (IllegalStateException e) {
      return "unmatched";
    }
  }

  static ObjectMapper objectMapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  private static String resource(String name) {
    try (InputStream in = ApiApp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the api jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
