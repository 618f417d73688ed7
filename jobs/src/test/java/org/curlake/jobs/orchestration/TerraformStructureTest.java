package org.curlake.jobs.orchestration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.curlake.jobs.TestTenants;
import org.junit.jupiter.api.Test;

/**
 * terraform/ without a terraform binary: runs the Node suite of terraform/tests (every .tf parsed by
 * @cdktf/hcl2json; variables, module sources, inputs and outputs wired; each tenant role unable to
 * reach another tenant's prefixes; broken fixtures rejected). Installs the pinned parser with
 * {@code npm ci} when terraform/tests/node_modules is missing (needs the npm registry).
 */
class TerraformStructureTest {
  private static final String NODE_PACKAGES = "nodejs npm (apt)";
  private static final Path TESTS = TestTenants.projectRoot().resolve("terraform/tests");

  @Test
  void terraformSuitePasses() {
    if (!Files.isDirectory(TESTS.resolve("node_modules/@cdktf/hcl2json"))) {
      String npm = ExternalCommand.executable("/usr/bin/npm", "npm", NODE_PACKAGES);
      ExternalCommand.Result install = new ExternalCommand(TESTS,
          List.of(npm, "ci", "--no-audit", "--no-fund"), Map.of()).run(600);
      assertTrue(install.succeeded(), "npm ci in " + TESTS + " failed:\n" + install.output());
    }
    String node = ExternalCommand.executable("/usr/bin/node", "node", NODE_PACKAGES);
    ExternalCommand.Result result = new ExternalCommand(TESTS, List.of(node, "--test"), Map.of()).run(300);
    assertTrue(result.succeeded(), "terraform/tests failed:\n" + result.output());
    assertTrue(result.output().contains("# fail 0"), result.output());
  }
}
