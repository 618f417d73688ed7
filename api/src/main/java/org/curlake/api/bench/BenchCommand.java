package org.curlake.api.bench;

import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.curlake.api.ApiApp;
import org.curlake.api.ServeOptions;
import org.curlake.api.auth.RateLimit;
import org.curlake.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench} (./lakehouse bench-api): starts the API in process on a free loopback port (rate
 * limit off), warms every route up, then loads the summary and daily-cost routes with N concurrent
 * connections for a bounded time each, printing requests per second and p50/p99 latency per route.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load-test the summary and daily-cost routes on loopback.")
public final class BenchCommand implements Callable<Integer> {
  @Mixin ServeOptions options;

  @Option(names = "--tenant", defaultValue = "acme", description = "tenant whose routes are loaded (default: ${DEFAULT-VALUE})")
  String tenant;

  @Option(names = "--token", defaultValue = "demo-platform", description = "bearer token (default: the demo platform admin's)")
  String token;

  @Option(names = "--connections", defaultValue = "16", description = "concurrent connections (default: ${DEFAULT-VALUE})")
  int connections;

  @Option(names = "--seconds", defaultValue = "10", description = "seconds of load per route (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "3",
      description = "seconds of unmeasured load per route, all routes before any is measured (default: ${DEFAULT-VALUE})")
  int warmupSeconds;

  @Option(names = "--client", defaultValue = "socket",
      description = "socket: blocking keep-alive sockets, as wrk; jdk: java.net.http clients (default: ${DEFAULT-VALUE})")
  LoadGenerator.Client client;

  @Override
  public Integer call() throws Exception {
    if (connections < 1 || connections > 512 || seconds < 1 || seconds > 600 || warmupSeconds < 0 || warmupSeconds > 600) {
      System.err.println("bench: --connections must be 1-512, --seconds 1-600 and --warmup-seconds 0-600");
      return 2;
    }
    ApiApp.Services services;
    try {
      ApiApp.Services configured = options.services();
      services = new ApiApp.Services(configured.tenants(), configured.store(), configured.users().withRateLimit(RateLimit.off()),
          configured.audit());
    } catch (ConfigException e) {
      System.err.println("bench: " + e.getMessage());
      return 2;
    }
    Javalin app = ApiApp.create(services).start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + app.port() + "/api/v1/tenants/" + tenant;
      List<String> paths = List.of(base + "/summary", base + "/costs/daily?costType=amortized");
      LoadGenerator load = new LoadGenerator(token, connections, client);
      for (String url : paths) {
        load.check(url);
      }
      System.out.println("bench tenant=" + tenant + " connections=" + connections + " seconds_per_route=" + seconds
          + " warmup_seconds=" + warmupSeconds + " client=" + client.name().toLowerCase() + " cpus="
          + Runtime.getRuntime().availableProcessors());
      for (String url : paths) {
        if (warmupSeconds > 0) {
          load.run(url, warmupSeconds); // JIT and first reads of every route, so no route is measured cold
        }
      }
      for (String url : paths) {
        LoadResult result = load.run(url, seconds);
        System.out.println(result.line(url.substring(url.indexOf("/api/"))));
      }
      Map<String, Long> counters = services.store().counters();
      System.out.println("bench store " + counters.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse(""));
      return 0;
    } finally {
      app.stop();
      services.store().close();
      services.audit().close();
    }
  }
}
