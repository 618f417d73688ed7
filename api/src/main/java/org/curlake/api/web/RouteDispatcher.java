package org.curlake.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Set;
import org.curlake.api.auth.ApiUser;
import org.curlake.api.auth.ApiUsers;
import org.curlake.api.auth.AuditLog;
import org.curlake.api.auth.RateLimiter;
import org.curlake.config.TenantId;

/**
 * Runs every authenticated route the same way: bearer token (401), rate limit (429), tenant id
 * (400) and the user's tenants and role (403) before any data is read; then the query parameters
 * (400), the audit line, and the result as JSON, a page of a list, or CSV. JSON is rendered once
 * per result object the store serves ({@link RenderedJson}).
 */
public final class RouteDispatcher {
  private final ApiUsers users;
  private final RateLimiter rateLimiter;
  private final AuditLog audit;
  private final Set<String> knownTenants;
  private final RenderedJson json;

  public RouteDispatcher(ApiUsers users, AuditLog audit, Set<String> knownTenants, ObjectMapper mapper) {
    this.users = users;
    this.rateLimiter = new RateLimiter(users.rateLimit());
    this.audit = audit;
    this.knownTenants = Set.copyOf(knownTenants);
    this.json = new RenderedJson(mapper);
  }

  public Handler handler(ApiRoute route) {
    return ctx -> {
      ApiUser user = authenticate(ctx);
      if (!rateLimiter.tryAcquire(user.name())) {
        ctx.header("Retry-After", String.valueOf(rateLimiter.retryAfterSeconds()));
        throw new ApiException(429, "rate_limited", "too many requests for user '" + user.name() + "'");
      }
      String tenant = route.tenantScoped() ? allowedTenant(ctx.pathParam("tenant"), user) : null;
      if (!user.role().atLeast(route.minimumRole())) {
        throw ApiException.forbidden("this route needs the role " + route.minimumRole().name().toLowerCase());
      }
      RequestParams params = new RequestParams(ctx.queryParamMap(), route.params());
      boolean csv = wantsCsv(ctx, params);
      if (csv && !route.list()) {
        throw new BadRequest("format", "csv is available on list routes only");
      }
      int page = params.integer("page", 1, 1, 1_000_000);
      int size = csv && params.text("size").isEmpty() ? Integer.MAX_VALUE
          : params.integer("size", RequestParams.DEFAULT_PAGE_SIZE, 1, RequestParams.MAX_PAGE_SIZE);
      Object result = route.handler().handle(new RouteRequest(user, tenant, ctx.pathParamMap(), params));
      audit.record(user.name(), tenant, route.path(), ctx.queryString() == null ? "" : ctx.queryString(), 200);
      if (csv) {
        List<?> items = Page.of((List<?>) result, page, size).items();
        ctx.contentType("text/csv; charset=utf-8").result(CsvWriter.write(items, route.itemType()));
      } else if (route.list()) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(json.of(result, page, size, () -> Page.of((List<?>) result, page, size)));
      } else {
        ctx.contentType(ContentType.APPLICATION_JSON).result(json.of(result, 0, 0, () -> result));
      }
    };
  }

  private ApiUser authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw ApiException.unauthorized("a bearer token is required (Authorization: Bearer <token>)");
    }
    return users.authenticate(header.substring(7).trim()).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return ApiException.unauthorized("the bearer token is not valid");
    });
  }

  private String allowedTenant(String tenant, ApiUser user) {
    if (!TenantId.isValid(tenant)) {
      throw new BadRequest("tenant", "is not a tenant id (2-40 lowercase letters, digits or '_')");
    }
    if (!user.maySee(tenant)) {
      throw ApiException.forbidden("user '" + user.name() + "' may not see tenant '" + tenant + "'");
    }
    if (!knownTenants.contains(tenant)) {
      throw new ApiException(404, "not_found", "no tenant '" + tenant + "' is configured");
    }
    return tenant;
  }

  private static boolean wantsCsv(Context ctx, RequestParams params) {
    String format = params.text("format").orElse("");
    if (!format.isEmpty() && !format.equals("csv") && !format.equals("json")) {
      throw new BadRequest("format", "must be json or csv (got '" + format + "')");
    }
    String accept = ctx.header("Accept");
    return format.equals("csv") || (format.isEmpty() && accept != null && accept.contains("text/csv"));
  }
}
