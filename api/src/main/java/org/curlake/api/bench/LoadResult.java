package org.curlake.api.bench;

import java.util.Arrays;
import java.util.Locale;

/** What one timed run measured: requests, errors, elapsed time and every request's latency. */
public record LoadResult(long requests, long errors, double seconds, long[] latenciesNanos) {

  public double requestsPerSecond() {
    return requests / seconds;
  }

  /** The latency at a percentile (0-100) in milliseconds. */
  public double percentileMillis(double percentile) {
    if (latenciesNanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  public String line(String route) {
    return String.format(Locale.ROOT, "bench route=%s requests=%d errors=%d req_per_s=%.0f p50_ms=%.2f p99_ms=%.2f",
        route, requests, errors, requestsPerSecond(), percentileMillis(50), percentileMillis(99));
  }
}
