package org.curlake.api.auth;

import org.curlake.config.InvalidFieldException;

/** Requests per second allowed per token, with a burst; 0 requests per second turns limiting off. */
public record RateLimit(int requestsPerSecond, int burst) {
  public RateLimit {
    if (requestsPerSecond < 0 || requestsPerSecond > 1_000_000) {
      throw new InvalidFieldException("rate_limit.requests_per_second", "must be 0 (off) to 1000000 (got " + requestsPerSecond + ")");
    }
    if (burst < 1 || burst > 1_000_000) {
      throw new InvalidFieldException("rate_limit.burst", "must be 1 to 1000000 (got " + burst + ")");
    }
  }

  public static RateLimit off() {
    return new RateLimit(0, 1);
  }

  public boolean enabled() {
    return requestsPerSecond > 0;
  }
}
