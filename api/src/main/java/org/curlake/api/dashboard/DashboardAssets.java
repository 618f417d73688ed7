package org.curlake.api.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * Serves the dashboards: the static pages, scripts and the vendored chart library under
 * {@code /dashboard/} from the classpath folder {@code dashboard}. They read the JSON API with the
 * user's bearer token, so the files themselves show no data and need none.
 */
public final class DashboardAssets {
  public static final String PATH = "/dashboard";

  private DashboardAssets() {}

  public static void register(JavalinConfig config) {
    config.staticFiles.add(files -> {
      files.hostedPath = PATH;
      files.directory = "/dashboard";
      files.location = Location.CLASSPATH;
      files.headers = java.util.Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
    });
    config.router.mount(router -> router.get("/", ctx -> ctx.redirect(PATH + "/")));
  }
}
