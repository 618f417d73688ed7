package org.curlake.jobs.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code demo --serve}: the API must not run inside the Spark JVM, so the demo hands the serve
 * arguments (lake, config, port) to the {@code ./lakehouse} launcher, which starts
 * {@code ./lakehouse serve} with them once the demo JVM has exited. The launcher names the handoff
 * file in {@code CURLAKE_SERVE_AFTER_DEMO}; without it (e.g. spark-submit) the demo prints the command.
 */
public final class ServeHandoff {
  /** The environment variable in which the launcher names the file the demo writes the serve arguments to. */
  public static final String ENV = "CURLAKE_SERVE_AFTER_DEMO";

  private ServeHandoff() {}

  /** The arguments of {@code serve} for the demo's lake and config, one per line in the handoff file. */
  public static List<String> serveArguments(String lakeRoot, Path configDir, int port) {
    return List.of("--lake", lakeRoot, "--config", configDir.toAbsolutePath().normalize().toString(), "--port", String.valueOf(port));
  }

  /**
   * Writes the serve arguments to the launcher's handoff file and returns the line to print: what
   * starts next, or, outside the launcher, the command to run.
   */
  public static String handOff(String handoffFile, List<String> serveArguments) {
    String command = "./lakehouse serve " + String.join(" ", serveArguments);
    if (handoffFile == null || handoffFile.isBlank()) {
      return "demo serve: not started by ./lakehouse; to browse the demo lake run: " + command;
    }
    try {
      Files.write(Path.of(handoffFile), serveArguments, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the serve handoff file " + handoffFile + ": " + e.getMessage(), e);
    }
    return "demo serve: starting " + command + " (Ctrl-C stops it)";
  }
}
