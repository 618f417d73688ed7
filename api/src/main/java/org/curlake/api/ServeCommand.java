package org.curlake.api;

import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.curlake.api.auth.ApiUser;
import org.curlake.api.auth.ApiUsers;
import org.curlake.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: runs the API on 127.0.0.1 until stopped, printing its URL and the demo tokens it accepts. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the HTTP API on 127.0.0.1.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  /** The documented demo tokens; printed only when config/api/users.yaml holds their hashes. */
  static final List<String> DEMO_TOKENS = List.of("demo-viewer-acme", "demo-admin-globex", "demo-platform");

  @Mixin ServeOptions options;

  @Option(names = "--port", defaultValue = "8080", description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port)")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    ApiApp.Services services;
    try {
      services = options.services();
    } catch (ConfigException e) {
      System.err.println("serve: " + e.getMessage());
      return 2;
    }
    Javalin app = ApiApp.create(services).start("127.0.0.1", port);
    String url = "http://127.0.0.1:" + app.port();
    System.out.println("serve url=" + url + " lake=" + options.lakeRoot() + " audit_log=" + options.auditLogFile());
    System.out.println("docs: " + url + "/api/v1/docs   openapi: " + url + "/api/v1/openapi.json   metrics: " + url + "/metrics");
    printDemoTokens(services.users(), url);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      services.store().close();
      services.audit().close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  private static void printDemoTokens(ApiUsers users, String url) {
    for (String token : DEMO_TOKENS) {
      users.authenticate(token).ifPresent((ApiUser user) -> System.out.println("demo token user=" + user.name()
          + " role=" + user.role().name().toLowerCase() + " tenants=" + (user.tenants().isEmpty() ? "*" : String.join(",", user.tenants()))
          + "  curl -H 'Authorization: Bearer " + token + "' " + url + "/api/v1/tenants"));
    }
  }
}
