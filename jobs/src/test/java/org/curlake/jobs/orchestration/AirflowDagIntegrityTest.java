package org.curlake.jobs.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.curlake.jobs.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Airflow DAGs (orchestration/dags) against the real jobs CLI: dumps picocli's model of
 * LakehouseCli to target/lakehouse-cli-spec.json and runs the Python integrity suite
 * (orchestration/tests, Debian's python3 with python3-yaml, python3-croniter, python3-jinja2) on
 * it. Fails with Python's output.
 */
class AirflowDagIntegrityTest {
  private static final String PYTHON_PACKAGES = "python3 python3-yaml python3-croniter python3-jinja2 (apt)";
  private static final Path ROOT = TestTenants.projectRoot();
  private static final Path CONFIG = ROOT.resolve("config");
  private static final Path TARGET = ROOT.resolve("jobs/target");
  private static ObjectNode spec;

  @BeforeAll
  static void dumpCliSpec() throws Exception {
    spec = LakehouseCliSpec.of(ROOT, CONFIG);
    Files.createDirectories(TARGET);
  }

  private static ExternalCommand.Result runSuite(ObjectNode cliSpec, String name) throws Exception {
    Path file = TARGET.resolve(name);
    LakehouseCliSpec.write(cliSpec, file);
    String python = ExternalCommand.executable("/usr/bin/python3", "python3", PYTHON_PACKAGES);
    return new ExternalCommand(ROOT,
        List.of(python, "-m", "unittest", "discover", "-s", "orchestration/tests", "-p", "test_*.py", "-v"),
        Map.of("CURLAKE_CLI_SPEC", file.toString(), "CURLAKE_CONFIG", CONFIG.toString(),
            "PYTHONDONTWRITEBYTECODE", "1")).run(180);
  }

  @Test
  void specDescribesEveryJobTheDagsRun() {
    for (String job : List.of("ingest", "curate", "check", "analytics", "register")) {
      assertTrue(spec.path("commands").has(job), "LakehouseCli has no '" + job + "' command: " + spec);
    }
    assertTrue(spec.path("commands").path("ingest").path("options").has("--period"), spec.toString());
    assertFalse(spec.path("active_tenants").isEmpty(), "no active tenant in " + CONFIG);
  }

  @Test
  void dagsMatchTheJobsCli() throws Exception {
    ExternalCommand.Result result = runSuite(spec, "lakehouse-cli-spec.json");
    assertTrue(result.succeeded(), "orchestration/tests failed:\n" + result.output());
    assertTrue(result.output().contains("OK"), result.output());
  }

  @Test
  void suiteFailsWhenTheCliLacksAnOptionTheDagsPass() throws Exception {
    ObjectNode renamed = spec.deepCopy();
    ((ObjectNode) renamed.path("commands").path("curate").path("options")).remove("--period");
    ExternalCommand.Result result = runSuite(renamed, "lakehouse-cli-spec-without-curate-period.json");
    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("'curate' has no option '--period'"), result.output());
  }
}
