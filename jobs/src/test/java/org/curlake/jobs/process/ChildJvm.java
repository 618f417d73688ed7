package org.curlake.jobs.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.curlake.jobs.TestTenants;

/**
 * A JVM a test starts as a real child process: JDK 17 with Spark's JVM flags (the same
 * jobs/spark-jvm.properties the build and ./lakehouse use), stdout and stderr in one log file.
 * {@link #kill()} is a real SIGKILL (destroyForcibly) of the process and everything it started;
 * close() kills whatever still runs, so a failing test never leaves JVMs behind.
 */
public final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * @param heap the child's -Xmx, e.g. 1g
   * @param classpath the child's class path entries
   * @param env extra environment variables
   */
  public static ChildJvm start(String name, Path log, String heap, List<String> classpath, String mainClass,
      List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(sparkJvmFlags());
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, classpath));
    command.add(mainClass);
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().putAll(env);
      return new ChildJvm(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** The flags of jobs/spark-jvm.properties, as one list. */
  public static List<String> sparkJvmFlags() {
    Path file = TestTenants.projectRoot().resolve("jobs/spark-jvm.properties");
    try {
      String line = Files.readAllLines(file).stream().filter(l -> l.startsWith("spark.jvm.flags="))
          .findFirst().orElseThrow(() -> new IllegalStateException(file + " has no spark.jvm.flags"));
      return List.of(line.substring("spark.jvm.flags=".length()).trim().split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test JVM's own class path: our classes and every dependency, Spark included. */
  public static List<String> testClasspath() {
    return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines of the log, for failure messages. */
  public String tail() {
    String[] lines = output().split("\n");
    return name + " log " + log + ":\n"
        + String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 30), lines.length));
  }

  /** Waits for the process to exit by itself and returns its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError(name + " did not finish within " + timeout + "\n" + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls until the condition holds; fails (with the log's tail) on timeout or when the process died first. */
  public void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited (" + process.exitValue() + ") before " + what + "\n" + tail());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no " + what + " within " + timeout + "\n" + tail());
      }
      sleep(Duration.ofMillis(50));
    }
  }

  public void awaitLog(String text, Duration timeout) {
    awaitCondition("'" + text + "' in " + log, timeout, () -> output().contains(text));
  }

  /** SIGKILL: the process and its descendants (a worker's executors) die at once, no shutdown hooks. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive() || process.descendants().findAny().isPresent()) {
      kill();
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
