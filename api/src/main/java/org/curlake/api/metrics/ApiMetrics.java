package org.curlake.api.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Request counts and latency per route template and status, plus the store's counters (cache hits,
 * table scans), written in the Prometheus text format for {@code GET /metrics}.
 */
public final class ApiMetrics {
  private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  private final ConcurrentHashMap<RouteStatus, LongAdder> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Latency> latencies = new ConcurrentHashMap<>();
  private final Supplier<Map<String, Long>> storeCounters;

  public ApiMetrics(Supplier<Map<String, Long>> storeCounters) {
    this.storeCounters = storeCounters;
  }

  public void record(String route, int status, double seconds) {
    requests.computeIfAbsent(new RouteStatus(route, status), k -> new LongAdder()).increment();
    latencies.computeIfAbsent(route, k -> new Latency()).observe(seconds);
  }

  public String prometheusText() {
    StringBuilder text = new StringBuilder();
    text.append("# HELP curlake_api_requests_total HTTP requests by route template and status.\n")
        .append("# TYPE curlake_api_requests_total counter\n");
    TreeMap<String, Long> counts = new TreeMap<>();
    requests.forEach((key, count) -> counts.put(label(key.route()) + ",status=\"" + key.status() + "\"", count.sum()));
    counts.forEach((labels, count) ->
        text.append("curlake_api_requests_total{").append(labels).append("} ").append(count).append('\n'));
    text.append("# HELP curlake_api_request_duration_seconds Request latency by route template.\n")
        .append("# TYPE curlake_api_request_duration_seconds histogram\n");
    new TreeMap<>(latencies).forEach((route, latency) -> latency.write(text, label(route)));
    new TreeMap<>(storeCounters.get()).forEach((name, value) -> {
      String metric = "curlake_api_store_" + name + "_total";
      text.append("# TYPE ").append(metric).append(" counter\n").append(metric).append(' ').append(value).append('\n');
    });
    return text.toString();
  }

  /** Labels are written when /metrics is read, not on every request. */
  private record RouteStatus(String route, int status) {}

  private static String label(String route) {
    return "route=\"" + route.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static final class Latency {
    private final AtomicLong[] buckets = new AtomicLong[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final LongAdder micros = new LongAdder();

    Latency() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new AtomicLong();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          buckets[i].incrementAndGet();
        }
      }
      count.increment();
      micros.add(Math.round(seconds * 1e6));
    }

    void write(StringBuilder text, String labels) {
      String name = "curlake_api_request_duration_seconds";
      for (int i = 0; i < BUCKETS.length; i++) {
        text.append(name).append("_bucket{").append(labels).append(",le=\"").append(BUCKETS[i]).append("\"} ")
            .append(buckets[i].get()).append('\n');
      }
      text.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(count.sum()).append('\n');
      text.append(name).append("_sum{").append(labels).append("} ").append(micros.sum() / 1e6).append('\n');
      text.append(name).append("_count{").append(labels).append("} ").append(count.sum()).append('\n');
    }
  }
}
