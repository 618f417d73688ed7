package org.curlake.api.web;

/** A request parameter the API refuses; answered 400 with {@code {error: "bad_request", message}}. */
public final class BadRequest extends RuntimeException {
  public BadRequest(String parameter, String problem) {
    super("parameter '" + parameter + "': " + problem);
  }
}
