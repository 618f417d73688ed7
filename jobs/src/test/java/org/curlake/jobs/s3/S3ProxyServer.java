package org.curlake.jobs.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.curlake.jobs.process.FreePort;

/**
 * A real S3-compatible server for tests: s3proxy (org.gaul:s3proxy, jar-with-dependencies, copied into
 * target/s3proxy/ by the build) in a child JVM, on 127.0.0.1 and a free port, storing objects in a
 * folder under target/ (filesystem-nio2 backend), requiring AWS v2/v4 signatures with a test identity.
 * It runs outside the test JVM because its dependencies would clash with Spark's.
 */
public final class S3ProxyServer implements AutoCloseable {
  /** Test-only credentials, known to this server and nothing else. */
  public static final String IDENTITY = "curlake-test-access-key";
  public static final String CREDENTIAL = "curlake-test-secret-key";
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final Process process;
  private final URI endpoint;
  private final Path log;

  private S3ProxyServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Starts s3proxy storing its buckets under {@code baseDir}, and waits until it answers. */
  public static S3ProxyServer start(Path baseDir) {
    Path jar = Path.of(System.getProperty("curlake.s3proxy.jar", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("s3proxy is missing at " + jar + ": run the tests through Maven (`mvn -pl jobs "
          + "-am test`), whose process-test-resources phase copies org.gaul:s3proxy:jar-with-dependencies there");
    }
    try {
      Path blobs = Files.createDirectories(baseDir.resolve("blobs"));
      int port = FreePort.next();
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      Path conf = baseDir.resolve("s3proxy.conf");
      Files.writeString(conf, String.join("\n",
          "s3proxy.endpoint=" + endpoint,
          "s3proxy.authorization=aws-v2-or-v4",
          "s3proxy.identity=" + IDENTITY,
          "s3proxy.credential=" + CREDENTIAL,
          "s3proxy.ignore-unknown-headers=true",
          "jclouds.provider=filesystem-nio2",
          "jclouds.filesystem.basedir=" + blobs) + "\n");
      Path log = baseDir.resolve("s3proxy.log");
      String java = ProcessHandle.current().info().command().orElse("java");
      Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(), "--properties",
          conf.toString()))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      S3ProxyServer server = new S3ProxyServer(process, endpoint, log);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start s3proxy", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }


  /** Polls until s3proxy answers HTTP (an anonymous request gets 403: it is up and checking signatures). */
  private void awaitReady() {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy exited with " + process.exitValue() + " before answering: "
            + logTail());
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        connection.setConnectTimeout(1000);
        connection.setReadTimeout(2000);
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status > 0) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new IllegalStateException("s3proxy did not answer on " + endpoint + " within " + STARTUP + ": " + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
