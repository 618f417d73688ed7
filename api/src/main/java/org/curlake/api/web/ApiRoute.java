package org.curlake.api.web;

import java.util.Set;
import org.curlake.api.auth.Role;

/**
 * One authenticated GET route: its path (tenant routes contain {@code {tenant}}), the least role
 * allowed, the query parameters it accepts, and for list routes the record type of its items
 * (paginated, CSV-exportable); {@code itemType} is null for single-object routes.
 */
public record ApiRoute(String path, Role minimumRole, Set<String> params, Class<?> itemType, String summary,
    RouteHandler handler) {

  public static final Set<String> LIST_PARAMS = Set.of("page", "size", "format");

  public ApiRoute {
    params = itemType == null ? Set.copyOf(params) : union(params, LIST_PARAMS);
  }

  public boolean tenantScoped() {
    return path.contains("{tenant}");
  }

  public boolean list() {
    return itemType != null;
  }

  /** Both sets of parameter names. */
  public static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** Computes a route's result: a {@code List} for list routes, any record otherwise. */
  @FunctionalInterface
  public interface RouteHandler {
    Object handle(RouteRequest request);
  }
}
