package org.curlake.jobs.trino;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unpacked Trino server distribution the tests run, cached outside the repository in
 * {@code ~/.cache/curlake/trino-server-<version>}. It is unpacked from {@code io.trino:trino-server:<version>:tar.gz}
 * in the local Maven repository, which is fetched from Maven Central (with mvn) when it is not there yet.
 */
final class TrinoDistribution {
  static final String VERSION = "476";
  /** Trino 476 needs a JDK 24+; Temurin 25 is the one this project installs. */
  static final Path JAVA = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  private TrinoDistribution() {}

  /** The server home (with lib/ and plugin/), unpacking it on first use. */
  static synchronized Path home() throws IOException, InterruptedException {
    if (!Files.isExecutable(JAVA)) {
      throw new IllegalStateException("Trino " + VERSION + " needs JDK 25 at " + JAVA
          + ": install Temurin 25 (apt-get install temurin-25-jdk from packages.adoptium.net)");
    }
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "curlake");
    Path home = cache.resolve("trino-server-" + VERSION);
    if (Files.isDirectory(home.resolve("lib")) && Files.isDirectory(home.resolve("plugin"))) {
      return home;
    }
    Path tarball = tarball();
    Files.createDirectories(cache);
    Path staging = Files.createTempDirectory(cache, "trino-unpack-");
    run(List.of("tar", "-xzf", tarball.toString(), "-C", staging.toString()), cache.resolve("trino-unpack.log"));
    try {
      // Atomic, so two test JVMs unpacking at once both end with one complete server.
      Files.move(staging.resolve("trino-server-" + VERSION), home, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
      // Another JVM won the race; its copy is complete.
    }
    return home;
  }

  private static Path tarball() throws IOException, InterruptedException {
    Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
    Path tarball = repository.resolve("io/trino/trino-server/" + VERSION + "/trino-server-" + VERSION + ".tar.gz");
    if (!Files.isRegularFile(tarball)) {
      Path log = Files.createTempFile("trino-fetch-", ".log");
      run(List.of("mvn", "-B", "-ntp", "-q", "dependency:get",
          "-Dartifact=io.trino:trino-server:" + VERSION + ":tar.gz", "-Dtransitive=false"), log);
      if (!Files.isRegularFile(tarball)) {
        throw new IllegalStateException("Trino server " + VERSION + " is not in " + tarball + " and mvn could not fetch it"
            + " (see " + log + "); pre-fetch it with: mvn dependency:get -Dartifact=io.trino:trino-server:"
            + VERSION + ":tar.gz -Dtransitive=false");
      }
    }
    return tarball;
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
    }
  }
}
