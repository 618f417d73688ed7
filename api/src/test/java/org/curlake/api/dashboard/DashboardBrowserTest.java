package org.curlake.api.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.curlake.api.ApiApp;
import org.curlake.api.LakeFixture;
import org.curlake.api.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboards in a real browser: the real API on a free 127.0.0.1 port over the curated lake the
 * real jobs built ({@link LakeFixture}), driven by headless Chromium through playwright-core
 * (src/test/browser/dashboard.test.mjs). Fails, saying what to install, when Chromium or Node is missing.
 */
class DashboardBrowserTest {
  private static final String TENANT = "globex";
  private static final String TOKEN = TestApi.ADMIN_GLOBEX; // tenant_admin of globex (config/api/users.yaml)
  private static Javalin app;
  private static ApiApp.Services services;

  @BeforeAll
  static void startApi() {
    services = TestApi.services(LakeFixture.shared().lake(), Path.of("target", "dashboard-audit.log"));
    app = ApiApp.create(services).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopApi() {
    if (app != null) {
      app.stop();
    }
    if (services != null) {
      services.store().close();
      services.audit().close();
    }
  }

  @Test
  void dashboardsRenderTheApisFiguresInHeadlessChromium() throws Exception {
    require(Path.of("/usr/bin/chromium"), "Chromium is required: apt-get install -y chromium");
    Path browserDir = Path.of("src", "test", "browser").toAbsolutePath();
    if (!Files.isDirectory(browserDir.resolve("node_modules").resolve("playwright-core"))) {
      Output install = run(browserDir, Map.of(), 300, "npm", "ci", "--no-audit", "--no-fund");
      assertEquals(0, install.exitCode(), "npm ci in " + browserDir + " failed:\n" + install.text());
    }
    Path out = Path.of("target").toAbsolutePath();
    Output test = run(browserDir, Map.of("BASE_URL", "http://127.0.0.1:" + app.port(), "TOKEN", TOKEN, "TENANT", TENANT,
        "OUT_DIR", out.toString()), 300, "node", "dashboard.test.mjs");
    System.out.println(test.text());
    assertEquals(0, test.exitCode(), "the browser test failed:\n" + test.text());
    assertTrue(test.text().contains("dashboard ready time:"), test.text());
    assertTrue(Files.size(out.resolve("screenshots").resolve("overview.png")) > 10_000, "overview screenshot saved");
  }

  private record Output(int exitCode, String text) {}

  private static Output run(Path dir, Map<String, String> env, int timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return fail(command[0] + " is required (apt-get install -y nodejs npm): " + e.getMessage());
    }
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
    }
    return new Output(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static void require(Path executable, String message) {
    if (!Files.isExecutable(executable)) {
      fail(message);
    }
  }
}
