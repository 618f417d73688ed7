package org.curlake.api.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.curlake.api.ApiMain;
import org.curlake.api.LakeFixture;
import org.curlake.api.TestApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** bench-api runs both routes with either client and reports every request answered 200 (no timing asserted). */
class BenchCommandTest {
  private static final Pattern ROUTE = Pattern.compile("bench route=(\\S+) requests=(\\d+) errors=(\\d+) req_per_s=\\d+ p50_ms=[\\d.]+ p99_ms=[\\d.]+");

  @ParameterizedTest
  @ValueSource(strings = {"socket", "jdk"})
  void loadsBothRoutesWithoutErrors(String client) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new ApiMain()).setCaseInsensitiveEnumValuesAllowed(true).execute("bench", "--lake",
          LakeFixture.shared().lake(), "--config", TestApi.config().toString(), "--audit-log",
          LakeFixture.projectRoot().resolve("api/target/bench-test/audit.log").toString(), "--connections", "2",
          "--seconds", "1", "--warmup-seconds", "1", "--client", client);
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed);
    assertTrue(printed.contains("client=" + client), printed);
    Matcher route = ROUTE.matcher(printed);
    List<String> routes = new java.util.ArrayList<>();
    while (route.find()) {
      routes.add(route.group(1));
      assertTrue(Long.parseLong(route.group(2)) > 0, printed);
      assertEquals("0", route.group(3), printed);
    }
    assertEquals(List.of("/api/v1/tenants/acme/summary", "/api/v1/tenants/acme/costs/daily?costType=amortized"), routes, printed);
  }
}
