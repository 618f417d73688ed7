package org.curlake.jobs.orchestration;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test suite written in another language (python3, node) as a child process, with a time
 * limit; its combined output becomes the JUnit failure message. A missing interpreter fails with
 * what to install, never skips.
 */
record ExternalCommand(Path workDir, List<String> command, Map<String, String> environment) {

  /** The result of one run: exit code and combined stdout and stderr. */
  record Result(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** An executable by absolute path, or looked up on PATH; fails naming the packages to install. */
  static String executable(String preferredPath, String name, String install) {
    if (Files.isExecutable(Path.of(preferredPath))) {
      return preferredPath;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    return fail(name + " not found (looked at " + preferredPath + " and PATH): install " + install);
  }

  Result run(long timeoutSeconds) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Path log = Files.createTempFile("curlake-external-", ".log");
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      return fail("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted while running " + String.join(" ", command), e);
    }
  }
}
