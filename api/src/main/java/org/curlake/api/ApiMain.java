package org.curlake.api;

import java.nio.file.Path;
import org.curlake.config.TenantConfigLoader;

/** Starts the API on 127.0.0.1 (port from the first argument, default 7070). */
public final class ApiMain {
  private ApiMain() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 7070;
    Path configDir = Path.of(System.getenv().getOrDefault("CURLAKE_CONFIG", "config"));
    ApiApp.create(new TenantConfigLoader(configDir).load()).start("127.0.0.1", port);
  }
}
