package org.curlake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.curlake.jobs.process.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} as {@code ./lakehouse serve} and {@code ./lakehouse demo --serve} run it: ApiMain in
 * its own JVM whose class path has no Spark, on the fixture lake; it prints its URL and the demo
 * tokens, answers /health and a tenant route, and a SIGTERM (Ctrl-C) stops it with the audit log written.
 */
class ServeCommandTest {
  private static final Pattern URL = Pattern.compile("serve url=(http://127\\.0\\.0\\.1:\\d+) ");

  @Test
  void servesTheLakeWithoutSparkAndStopsOnSigterm() throws Exception {
    Path work = LakeFixture.projectRoot().resolve("api/target/serve-test");
    LakeFixture.deleteTree(work);
    Path audit = work.resolve("audit.log");
    List<String> args = List.of("serve", "--port", "0", "--lake", LakeFixture.shared().lake(),
        "--config", TestApi.config().toString(), "--audit-log", audit.toString());
    try (ChildJvm serve = ChildJvm.start("api-serve", work.resolve("serve.log"), "512m", classpathWithoutSpark(),
        ApiMain.class.getName(), args, Map.of())) {
      serve.awaitLog("demo token user=pat", Duration.ofSeconds(90));
      Matcher url = URL.matcher(serve.output());
      assertTrue(url.find(), serve.tail());
      assertTrue(serve.output().contains("Authorization: Bearer " + TestApi.VIEWER_ACME), serve.tail());

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
      HttpResponse<String> summary = http.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/tenants/acme/summary"))
          .header("Authorization", "Bearer " + TestApi.VIEWER_ACME).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, summary.statusCode(), summary.body());
      assertTrue(summary.body().contains("\"asOf\":\"2025-08-"), summary.body());

      ProcessHandle.of(serve.pid()).orElseThrow().destroy(); // SIGTERM, as Ctrl-C's SIGINT: shutdown hooks run
      serve.awaitExit(Duration.ofSeconds(30));
      assertFalse(serve.isAlive());
      assertTrue(Files.readString(audit).contains("user=ana tenant=acme route=\"/api/v1/tenants/{tenant}/summary\""),
          "the shutdown hook flushed the audit log");
    }
  }

  /** The test class path minus Spark and Scala: the API must start without them, as the launcher runs it. */
  private static List<String> classpathWithoutSpark() {
    List<String> classpath = ChildJvm.testClasspath().stream()
        .filter(entry -> !entry.contains(File.separator + "org" + File.separator + "apache" + File.separator + "spark" + File.separator)
            && !entry.contains(File.separator + "org" + File.separator + "scala-lang" + File.separator)
            && !entry.contains("delta-spark"))
        .toList();
    assertTrue(classpath.size() < ChildJvm.testClasspath().size(), "Spark is on the test class path, and is left out");
    return classpath;
  }
}
