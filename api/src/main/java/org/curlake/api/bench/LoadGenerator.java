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

/**
 * Closed-loop load: N threads, each on its own keep-alive connection, sending one GET after another
 * for a bounded time. The connections are plain blocking sockets ({@link KeepAliveConnection}) or,
 * for comparison, java.net.http clients (one per connection, each with its own selector thread).
 */
public final class LoadGenerator {
  /** How the load generator's connections talk HTTP. */
  public enum Client { SOCKET, JDK }

  private final String token;
  private final int connections;
  private final Client client;

  public LoadGenerator(String token, int connections, Client client) {
    this.token = token;
    this.connections = connections;
    this.client = client;
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

  private long[] loop(String url, long deadline, long[] errors, int worker) throws IOException {
    long[] latencies = new long[1 << 16];
    int count = 0;
    Request send = connect(url);
    try {
      while (System.nanoTime() < deadline) {
        long sent = System.nanoTime();
        try {
          if (send.status() != 200) {
            errors[worker]++;
            continue;
          }
        } catch (IOException e) {
          errors[worker]++;
          send.close(); // a broken connection is replaced, as a browser would
          send = connect(url);
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
    } finally {
      send.close();
    }
    return java.util.Arrays.copyOf(latencies, count);
  }

  /** One connection's request: send the GET, read the whole response, give its status. */
  private interface Request extends AutoCloseable {
    int status() throws IOException, InterruptedException;

    @Override
    void close() throws IOException;
  }

  private Request connect(String url) throws IOException {
    if (client == Client.SOCKET) {
      KeepAliveConnection connection = new KeepAliveConnection(URI.create(url), token);
      return new Request() {
        @Override
        public int status() throws IOException {
          return connection.get();
        }

        @Override
        public void close() throws IOException {
          connection.close();
        }
      };
    }
    HttpClient http = client();
    HttpRequest request = request(url);
    return new Request() {
      @Override
      public int status() throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
      }

      @Override
      public void close() {}
    };
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private HttpRequest request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(10)).GET().build();
  }
}
