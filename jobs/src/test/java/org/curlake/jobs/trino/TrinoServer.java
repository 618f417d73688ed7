package org.curlake.jobs.trino;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.curlake.jobs.process.FreePort;

/**
 * A real single-node Trino server for tests, bound to 127.0.0.1 on a free port, with the project's shipped
 * Delta catalog (config/trino/catalog) and access rules (config/trino/rules.json). Its etc/, data and
 * metastore live under the given work folder (under target/). Startup takes 30-60 s: start one per test class.
 */
public final class TrinoServer implements AutoCloseable {
  public static final String CATALOG = "delta";
  public static final String ADMIN = "admin";
  private static final Duration STARTUP = Duration.ofMinutes(4);

  private final Process process;
  private final int port;
  private final Path workDir;

  private TrinoServer(Process process, int port, Path workDir) {
    this.process = process;
    this.port = port;
    this.workDir = workDir;
  }

  /** Starts Trino with the shipped config from {@code projectRoot/config/trino}; returns once it runs queries. */
  public static TrinoServer start(Path projectRoot, Path workDir) throws IOException, InterruptedException {
    Path home = TrinoDistribution.home();
    Path etc = workDir.resolve("etc");
    Path metastore = workDir.resolve("metastore");
    Files.createDirectories(etc.resolve("catalog"));
    Files.createDirectories(metastore);
    Path shipped = projectRoot.resolve("config/trino");
    Files.copy(shipped.resolve("catalog/delta.properties"), etc.resolve("catalog/delta.properties"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // Only the Delta Lake plugin: loading all ~60 bundled plugins would double the startup time.
    Path plugins = workDir.resolve("plugin");
    Files.createDirectories(plugins);
    if (!Files.exists(plugins.resolve("delta-lake"))) {
      Files.createSymbolicLink(plugins.resolve("delta-lake"), home.resolve("plugin/delta-lake"));
    }
    int port = FreePort.next();
    Files.writeString(etc.resolve("config.properties"), String.join("\n",
        "coordinator=true",
        "node-scheduler.include-coordinator=true",
        "http-server.http.port=" + port,
        "discovery.uri=http://127.0.0.1:" + port,
        "catalog.config-dir=" + etc.resolve("catalog"),
        "plugin.dir=" + plugins,
        "access-control.config-files=" + etc.resolve("access-control.properties"),
        "query.max-memory=1GB",
        "query.max-memory-per-node=512MB",
        ""));
    Files.writeString(etc.resolve("node.properties"), String.join("\n",
        "node.environment=curlake_test",
        "node.id=" + UUID.randomUUID(),
        "node.data-dir=" + workDir.resolve("data"),
        "node.bind-ip=127.0.0.1",
        "node.internal-address=127.0.0.1",
        ""));
    Files.writeString(etc.resolve("access-control.properties"), String.join("\n",
        "access-control.name=file",
        "security.config-file=" + shipped.resolve("rules.json").toAbsolutePath(),
        ""));
    Files.writeString(etc.resolve("log.properties"), "io.trino=INFO\n");
    Files.write(etc.resolve("jvm.config"), jvmFlags());

    List<String> command = new ArrayList<>();
    command.add(TrinoDistribution.JAVA.toString());
    command.addAll(Files.readAllLines(etc.resolve("jvm.config")));
    for (String line : Files.readAllLines(etc.resolve("node.properties"))) {
      if (!line.isBlank()) {
        command.add("-D" + line);
      }
    }
    command.add("-Dconfig=" + etc.resolve("config.properties"));
    command.add("-Dlog.levels-file=" + etc.resolve("log.properties"));
    command.add("-cp");
    command.add(home.resolve("lib") + "/*");
    command.add("io.trino.server.TrinoServer");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("server.log").toFile());
    builder.environment().put("CURLAKE_TRINO_METASTORE_DIR", "local://" + metastore.toAbsolutePath());
    TrinoServer server = new TrinoServer(builder.start(), port, workDir);
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** etc/jvm.config: the JVM flags Trino 476 documents, with a 2 GB heap; the server is started with them. */
  private static List<String> jvmFlags() {
    return List.of("-server", "-Xmx2G", "-XX:InitialRAMPercentage=5", "-XX:G1HeapRegionSize=32M",
        "-XX:+ExplicitGCInvokesConcurrent", "-XX:+ExitOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow",
        "-XX:ReservedCodeCacheSize=256M", "-XX:PerMethodRecompilationCutoff=10000",
        "-XX:PerBytecodeRecompilationCutoff=10000", "-Djdk.attach.allowAttachSelf=true",
        "-Djdk.nio.maxCachedBufferSize=2000000", "-Dfile.encoding=UTF-8", "-XX:+EnableDynamicAgentLoading",
        "--enable-native-access=ALL-UNNAMED", "-XX:+UseG1GC");
  }

  public String jdbcUrl() {
    return "jdbc:trino://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** A JDBC connection as the given Trino user (no password: the test server has no authentication). */
  public Connection connect(String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    return DriverManager.getConnection(jdbcUrl(), properties);
  }

  public Path metastoreDir() {
    return workDir.resolve("metastore");
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest info = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/info"))
        .timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Trino exited with " + process.exitValue() + " while starting: " + logTail());
      }
      try {
        HttpResponse<String> response = http.send(info, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"starting\":false")) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Trino did not start within " + STARTUP + ": " + logTail());
  }

  /** The end of the server log, for failure messages. */
  public String logTail() {
    try {
      String log = Files.readString(workDir.resolve("server.log"), StandardCharsets.UTF_8);
      return log.substring(Math.max(0, log.length() - 4000));
    } catch (IOException e) {
      return "(no server log: " + e.getMessage() + ")";
    }
  }


  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
