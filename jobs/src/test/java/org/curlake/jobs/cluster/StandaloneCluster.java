package org.curlake.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.curlake.jobs.process.ChildJvm;
import org.curlake.jobs.process.FreePort;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and N workers, each its own JVM started
 * from the Spark jars already on the test class path (laid out as a SPARK_HOME under target/, so
 * the workers can launch executors exactly as a Spark distribution would). The jars the spark jar
 * carries (ours, Delta, Deequ, picocli, snakeyaml) and the s3a ones are left out, so a submitted job
 * only works when the spark jar is complete. close() SIGKILLs every JVM it started.
 */
final class StandaloneCluster implements AutoCloseable {
  /** Not part of a Spark distribution: the spark jar brings them, or they are the test harness's. */
  private static final List<String> NOT_IN_SPARK_HOME = List.of("curlake-", "delta-spark", "delta-storage", "deequ-",
      "picocli-", "snakeyaml-", "hadoop-aws-", "aws-java-sdk-bundle-", "wildfly-openssl", "junit-", "opentest4j-",
      "apiguardian-", "surefire", "failsafe");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path dir;
  private final Path sparkHome;
  private final List<String> sparkJars;
  private final List<ChildJvm> processes = new ArrayList<>();
  private final List<ChildJvm> workers = new ArrayList<>();
  private final List<Path> workDirs = new ArrayList<>();
  private String masterUrl;

  private StandaloneCluster(Path dir) {
    this.dir = dir;
    this.sparkHome = dir.resolve("spark-home");
    this.sparkJars = ChildJvm.testClasspath().stream()
        .filter(entry -> entry.endsWith(".jar"))
        .filter(entry -> NOT_IN_SPARK_HOME.stream().noneMatch(Path.of(entry).getFileName().toString()::startsWith))
        .toList();
  }

  /** Starts the master and the workers (1 core, 1 GB each) and waits until every worker registered. */
  static StandaloneCluster start(Path dir, int workerCount) {
    StandaloneCluster cluster = new StandaloneCluster(dir);
    try {
      cluster.layOutSparkHome();
      cluster.startMaster();
      for (int i = 0; i < workerCount; i++) {
        cluster.startWorker(i);
      }
      ChildJvm master = cluster.processes.get(0);
      master.awaitCondition(workerCount + " registered workers", START_TIMEOUT,
          () -> master.output().split("Registering worker", -1).length - 1 >= workerCount);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  ChildJvm worker(int index) {
    return workers.get(index);
  }

  /** The folder a worker keeps its executors' logs in: {@code <app-id>/<executor-id>/stderr}. */
  Path workDir(int index) {
    return workDirs.get(index);
  }

  /**
   * spark-submit in client mode: org.apache.spark.deploy.SparkSubmit in its own JVM (the driver,
   * with only Spark's jars on its class path), the spark jar as the application.
   */
  ChildJvm submit(String name, Path sparkJar, List<String> appArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--master", masterUrl, "--deploy-mode", "client", "--name", name,
        "--class", "org.curlake.jobs.cli.LakehouseCli",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.memory=768m",
        "--conf", "spark.executor.cores=1",
        "--conf", "spark.cores.max=" + workers.size(),
        "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "spark.task.maxFailures=4",
        "--conf", "spark.local.dir=" + dir.resolve("driver-local"),
        "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", ChildJvm.sparkJvmFlags()),
        sparkJar.toString()));
    args.addAll(appArgs);
    args.add("--submitted");
    return track(ChildJvm.start(name, dir.resolve("logs").resolve(name + ".log"), "1g", sparkJars,
        "org.apache.spark.deploy.SparkSubmit", args, env(dir.resolve("driver-local"))));
  }

  private void layOutSparkHome() {
    try {
      Path jars = sparkHome.resolve("jars");
      Files.createDirectories(jars);
      Files.writeString(sparkHome.resolve("RELEASE"), "Spark laid out from the test class path by StandaloneCluster\n");
      for (String jar : sparkJars) {
        Path link = jars.resolve(Path.of(jar).getFileName());
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(link, Path.of(jar));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out " + sparkHome, e);
    }
    if (sparkJars.stream().noneMatch(jar -> Path.of(jar).getFileName().toString().startsWith("spark-core_"))) {
      throw new IllegalStateException("no spark-core jar on the test class path: " + ChildJvm.testClasspath());
    }
  }

  private void startMaster() {
    int port = FreePort.next();
    masterUrl = "spark://127.0.0.1:" + port;
    ChildJvm master = track(ChildJvm.start("master", dir.resolve("logs/master.log"), "256m", sparkJars,
        "org.apache.spark.deploy.master.Master",
        List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(FreePort.next())),
        env(dir.resolve("master-local"))));
    master.awaitLog("I have been elected leader", START_TIMEOUT);
  }

  private void startWorker(int index) {
    Path workDir = dir.resolve("worker-" + index);
    workDirs.add(workDir);
    ChildJvm worker = track(ChildJvm.start("worker-" + index, dir.resolve("logs/worker-" + index + ".log"), "256m",
        sparkJars, "org.apache.spark.deploy.worker.Worker",
        List.of("--host", "127.0.0.1", "--port", String.valueOf(FreePort.next()),
            "--webui-port", String.valueOf(FreePort.next()), "--cores", "1", "--memory", "1g",
            "--work-dir", workDir.toString(), masterUrl),
        env(workDir.resolve("local"))));
    workers.add(worker);
  }

  private Map<String, String> env(Path localDirs) {
    return Map.of("SPARK_HOME", sparkHome.toString(),
        "SPARK_SCALA_VERSION", "2.12",
        "SPARK_LOCAL_IP", "127.0.0.1",
        "SPARK_LOCAL_DIRS", localDirs.toString(),
        "SPARK_CONF_DIR", dir.resolve("conf").toString(),
        "SPARK_LOG_DIR", dir.resolve("logs").toString(),
        "SPARK_WORKER_DIR", dir.toString());
  }

  private ChildJvm track(ChildJvm process) {
    processes.add(process);
    return process;
  }

  /** Lines of every executor stderr below a worker's work dir. */
  static List<String> executorLogLines(Path workDir) {
    if (!Files.isDirectory(workDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(workDir)) {
      List<String> lines = new ArrayList<>();
      for (Path stderr : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
        lines.addAll(Files.readAllLines(stderr));
      }
      return lines;
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}
