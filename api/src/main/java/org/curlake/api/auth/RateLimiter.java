package org.curlake.api.auth;

import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per user: {@code burst} requests at once, refilled at {@code requestsPerSecond}. */
public final class RateLimiter {
  private final RateLimit limit;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(RateLimit limit) {
    this.limit = limit;
  }

  /** Takes one request from the user's bucket; false when the bucket is empty. */
  public boolean tryAcquire(String user) {
    if (!limit.enabled()) {
      return true;
    }
    long now = System.nanoTime();
    boolean[] allowed = new boolean[1];
    buckets.compute(user, (u, bucket) -> {
      Bucket current = bucket == null ? new Bucket(limit.burst(), now) : bucket.refill(now, limit);
      allowed[0] = current.tokens() >= 1.0;
      return allowed[0] ? new Bucket(current.tokens() - 1.0, current.updatedAt()) : current;
    });
    return allowed[0];
  }

  public int retryAfterSeconds() {
    return Math.max(1, (int) Math.ceil(1.0 / Math.max(1, limit.requestsPerSecond())));
  }

  private record Bucket(double tokens, long updatedAt) {
    Bucket refill(long now, RateLimit limit) {
      double added = (now - updatedAt) / 1e9 * limit.requestsPerSecond();
      return new Bucket(Math.min(limit.burst(), tokens + added), now);
    }
  }
}
