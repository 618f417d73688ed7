package org.curlake.api.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Closed-loop load: N threads, each on its own connection, sending one GET after another for a bounded time. */
public final class LoadGenerator {
  private final String token;
  private final int connections;

  public LoadGenerator(String token, int connections) {
    this.token = token;
    this.connections = connections;
  }

  /** Fails with the status and body unless the URL answers 200. */
  public void check(String url) throws IOException, InterruptedException {
    HttpRequest first = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(120)).GET().build(); // the first request reads the tables
    HttpResponse<String> response = client().send(first, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  public LoadResult run(String url, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    try {
      List<Future<long[]>> workers = new ArrayList<>();
      long[] errors = new long[connections];
      for (int i = 0; i < connections; i++) {
        int worker = i;
        workers.add(pool.submit(() -> loop(url, deadline, errors, worker)));
      }
      List<long[]> latencies = new ArrayList<>();
      for (Future<long[]> worker : workers) {
        latencies.add(worker.get());
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
      return new LoadResult(all.length, java.util.Arrays.stream(errors).sum(), elapsed, all);
    } finally {
      pool.shutdownNow();
    }
  }

  private long[] loop(String url, long deadline, long[] errors, int worker) {
    HttpClient client = client();
    HttpRequest request = request(url);
    long[] latencies = new long[1 << 16];
    int count = 0;
    while (System.nanoTime() < deadline) {
      long sent = System.nanoTime();
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          errors[worker]++;
          continue;
        }
      } catch (IOException e) {
        errors[worker]++;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (count == latencies.length) {
        latencies = java.util.Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = System.nanoTime() - sent;
    }
    return java.util.Arrays.copyOf(latencies, count);
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private HttpRequest request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(10)).GET().build();
  }
}
