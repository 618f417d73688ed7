package org.curlake.api.docs;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.curlake.api.web.ApiRoute;
import org.curlake.api.web.RequestParams;

/**
 * The OpenAPI 3.0 document of the API, generated from the registered routes and their result
 * records, so the document cannot drift from the routes.
 */
public final class OpenApiDocument {
  private OpenApiDocument() {}

  public static Map<String, Object> of(List<ApiRoute> routes, Map<String, Class<?>> objectResults) {
    Map<String, Object> schemas = new LinkedHashMap<>();
    schemas.put("Error", Map.of("type", "object", "required", List.of("error", "message"),
        "properties", Map.of("error", Map.of("type", "string"), "message", Map.of("type", "string"))));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/health", Map.of("get", Map.of("summary", "liveness (no token)", "security", List.of(),
        "responses", Map.of("200", Map.of("description", "ok")))));
    paths.put("/metrics", Map.of("get", Map.of("summary", "Prometheus metrics (no token)", "security", List.of(),
        "responses", Map.of("200", Map.of("description", "text/plain; version=0.0.4")))));
    for (ApiRoute route : routes) {
      Class<?> result = route.list() ? route.itemType() : objectResults.get(route.path());
      paths.put(route.path(), Map.of("get", operation(route, result, schemas)));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.0.3");
    document.put("info", Map.of("title", "CUR lakehouse API", "version", "1",
        "description", "Read-only FinOps API over the curated layer. Money in USD, rounded to the cent. "
            + "Bearer token required on /api/v1; 401 without, 403 for a tenant or role the token may not see, "
            + "400 on bad parameters, 429 over the rate limit. List routes are paginated (page, size <= "
            + RequestParams.MAX_PAGE_SIZE + ") and export CSV with ?format=csv or Accept: text/csv."));
    document.put("servers", List.of(Map.of("url", "/")));
    document.put("security", List.of(Map.of("bearer", List.of())));
    document.put("paths", paths);
    document.put("components", Map.of("schemas", schemas,
        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
    return document;
  }

  private static Map<String, Object> operation(ApiRoute route, Class<?> result, Map<String, Object> schemas) {
    List<Map<String, Object>> parameters = new java.util.ArrayList<>();
    for (String segment : route.path().split("/")) {
      if (segment.startsWith("{")) {
        parameters.add(Map.of("name", segment.substring(1, segment.length() - 1), "in", "path", "required", true,
            "schema", Map.of("type", "string")));
      }
    }
    for (String param : new TreeSet<>(route.params())) {
      parameters.add(Map.of("name", param, "in", "query", "required", false, "schema", Map.of("type", "string")));
    }
    Map<String, Object> ok;
    if (result == null) {
      ok = Map.of("description", "ok");
    } else {
      String name = schema(result, schemas);
      Map<String, Object> body = route.list()
          ? Map.of("type", "object", "properties", Map.of("items", Map.of("type", "array", "items", ref(name)),
              "page", Map.of("type", "integer"), "size", Map.of("type", "integer"), "total", Map.of("type", "integer")))
          : ref(name);
      Map<String, Object> content = new LinkedHashMap<>();
      content.put("application/json", Map.of("schema", body));
      if (route.list()) {
        content.put("text/csv", Map.of("schema", Map.of("type", "string")));
      }
      ok = Map.of("description", "ok", "content", content);
    }
    Map<String, Object> error = Map.of("description", "error", "content",
        Map.of("application/json", Map.of("schema", ref("Error"))));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", ok);
    for (String status : List.of("400", "401", "403", "404", "429")) {
      responses.put(status, error);
    }
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("summary", route.summary() + " (role: " + route.minimumRole().name().toLowerCase() + ")");
    operation.put("parameters", parameters);
    operation.put("responses", responses);
    return operation;
  }

  private static String schema(Class<?> type, Map<String, Object> schemas) {
    String name = type.getSimpleName();
    if (schemas.containsKey(name) || !type.isRecord()) {
      return name;
    }
    schemas.put(name, Map.of());
    Map<String, Object> properties = new LinkedHashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      properties.put(component.getName(), property(component.getGenericType(), schemas));
    }
    schemas.put(name, Map.of("type", "object", "properties", properties));
    return name;
  }

  private static Map<String, Object> property(Type type, Map<String, Object> schemas) {
    if (type instanceof ParameterizedType parameterized) {
      return Map.of("type", "array", "items", property(parameterized.getActualTypeArguments()[0], schemas));
    }
    Class<?> c = (Class<?>) type;
    if (c == BigDecimal.class || c == double.class || c == Double.class) {
      return Map.of("type", "number");
    } else if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
      return Map.of("type", "integer");
    } else if (c == boolean.class || c == Boolean.class) {
      return Map.of("type", "boolean");
    } else if (c == LocalDate.class) {
      return Map.of("type", "string", "format", "date");
    } else if (c == Instant.class) {
      return Map.of("type", "string", "format", "date-time");
    } else if (c.isRecord()) {
      return ref(schema(c, schemas));
    }
    return Map.of("type", "string");
  }

  private static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/components/schemas/" + name);
  }
}
