package org.curlake.api.web;

import java.util.Map;
import org.curlake.api.auth.ApiUser;

/**
 * What a route handler gets: the authenticated user, the (validated, allowed) tenant or null, the
 * path parameters and the checked query parameters.
 */
public record RouteRequest(ApiUser user, String tenant, Map<String, String> pathParams, RequestParams params) {
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new BadRequest(name, "is required");
    }
    return value;
  }
}
