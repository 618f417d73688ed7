package org.curlake.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.LakePartitions;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TenantWorkspace;
import org.curlake.jobs.lake.TableChecksum;
import org.curlake.jobs.process.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline spark-submitted to a real standalone cluster (a master and two workers, each its own
 * JVM on 127.0.0.1) as the shaded spark jar: ingest and curate give the same tables as a local run
 * on the same input. Then a worker (and its executor) is SIGKILLed while its tasks run: Spark
 * reschedules them on the other worker, the job completes and the tables are again identical.
 * Runs after package (failsafe), because it needs jobs/target/curlake-jobs-*-spark.jar.
 */
class StandaloneClusterIT {
  private static final String TENANT = "spread";
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern RUNNING = Pattern.compile("Running task .* \\(TID (\\d+)\\)");
  /** How the driver reports a task whose executor died under it (Spark 3.5 wording, or ExecutorLostFailure). */
  private static final Pattern LOST_WITH_EXECUTOR = Pattern.compile(
      "\\(TID (\\d+)\\)(?: failed because while it was being computed, its executor exited| .*ExecutorLostFailure)");
  private static final Pattern FINISHED = Pattern.compile("Finished task .* \\(TID (\\d+)\\)");

  private static TenantWorkspace workspace;
  private static StandaloneCluster cluster;
  private static Map<String, TableChecksum> local;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void startClusterAndRunLocally() {
    SparkSession spark = SharedSpark.session();
    workspace = TenantWorkspace.create(spark, "standalone-cluster", TENANT, 2, 6_000);
    // The master and workers (their own JVMs) start while this JVM writes the local reference.
    CompletableFuture<StandaloneCluster> starting = CompletableFuture.supplyAsync(
        () -> StandaloneCluster.start(workspace.root().resolve("cluster"), 2));
    try {
      Path reference = workspace.lake("lake-local");
      workspace.ingestAndCurate(spark, reference);
      local = LakePartitions.of(spark, reference);
    } finally {
      cluster = starting.join();
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void submittedPipelineMatchesLocalThenSurvivesAWorkerKill() {
    Path sparkJar = sparkJar();
    Path lake = workspace.lake("lake-cluster");
    submitAndAwait("ingest", lake);
    submitAndAwait("curate", lake);
    assertEquals(local, LakePartitions.of(spark, lake), "the cluster run writes what the local run writes");
    assertTrue(StandaloneCluster.executorLogLines(cluster.workDir(0)).stream().anyMatch(l -> RUNNING.matcher(l).find())
        && StandaloneCluster.executorLogLines(cluster.workDir(1)).stream().anyMatch(l -> RUNNING.matcher(l).find()),
        "both workers ran tasks");

    // Same bronze, fresh marts: curate again while worker 1 is killed under it.
    Path killedLake = workspace.lake("lake-cluster-worker-killed");
    copyTable(lake, killedLake, LakeTable.CUR_LINE_ITEMS);
    copyTable(lake, killedLake, LakeTable.INGEST_RUNS);
    int victim = 1;
    Set<String> appsBefore = appDirs(cluster.workDir(victim));
    try (ChildJvm curate = cluster.submit("curate-worker-killed", sparkJar, workspace.cliArgs("curate", killedLake))) {
      curate.awaitCondition("a task running on worker " + victim, JOB_TIMEOUT,
          () -> !runningTasks(newExecutorLog(victim, appsBefore)).isEmpty());
      cluster.worker(victim).kill();
      List<String> executorLog = newExecutorLog(victim, appsBefore);
      Set<String> cutOff = runningTasks(executorLog);
      assertFalse(cutOff.isEmpty(), "the kill landed while tasks ran on the worker");
      assertEquals(0, curate.awaitExit(JOB_TIMEOUT), "curate completes on the surviving worker\n" + curate.tail());
      String driverLog = curate.output();
      Set<String> lostByDriver = tids(List.of(driverLog.split("\n")), LOST_WITH_EXECUTOR);
      assertTrue(lostByDriver.stream().anyMatch(cutOff::contains),
          "the driver lost tasks " + cutOff + " that ran on the killed worker's executor\n" + curate.tail());
      assertTrue(driverLog.contains("curate runs=") && driverLog.contains("failed=0"), curate.tail());
      assertEquals(local, LakePartitions.of(spark, killedLake), "identical tables despite the lost worker");
      System.out.printf("worker_kill tasks_cut_off=%d tids=%s%n", cutOff.size(), cutOff);
      System.out.printf("reliability worker_kill faults_tried=1 faults_survived=1 rows_lost=%d%n",
          rowsLost(LakePartitions.of(spark, killedLake)));
    }
  }

  private void submitAndAwait(String command, Path lake) {
    try (ChildJvm job = cluster.submit(command, sparkJar(), workspace.cliArgs(command, lake))) {
      assertEquals(0, job.awaitExit(JOB_TIMEOUT), command + " on the cluster\n" + job.tail());
      assertTrue(job.output().contains("failed=0"), job.tail());
    }
  }

  private static long rowsLost(Map<String, TableChecksum> actual) {
    return local.entrySet().stream().mapToLong(e -> e.getValue().rows()
        - (actual.containsKey(e.getKey()) ? actual.get(e.getKey()).rows() : 0)).sum();
  }

  /** Task ids the executor started and never finished. */
  private static Set<String> runningTasks(List<String> executorLog) {
    Set<String> running = tids(executorLog, RUNNING);
    running.removeAll(tids(executorLog, FINISHED));
    return running;
  }

  private static Set<String> tids(List<String> lines, Pattern pattern) {
    return lines.stream().map(pattern::matcher).filter(Matcher::find).map(m -> m.group(1))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static List<String> newExecutorLog(int worker, Set<String> appsBefore) {
    return appDirs(cluster.workDir(worker)).stream().filter(app -> !appsBefore.contains(app))
        .flatMap(app -> StandaloneCluster.executorLogLines(cluster.workDir(worker).resolve(app)).stream())
        .toList();
  }

  private static Set<String> appDirs(Path workDir) {
    if (!Files.isDirectory(workDir)) {
      return Set.of();
    }
    try (Stream<Path> apps = Files.list(workDir)) {
      return apps.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("app-")).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTable(Path fromLake, Path toLake, LakeTable table) {
    Path from = Path.of(table.location(fromLake.toString()));
    Path to = Path.of(table.location(toLake.toString()));
    try {
      TenantWorkspace.copyTree(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path sparkJar() {
    String jar = System.getProperty("curlake.spark.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("the spark jar " + jar + " is missing: run through `mvn verify` (failsafe, "
          + "after package), e.g. mvn -B -pl jobs -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "
          + "-Dit.test=StandaloneClusterIT");
    }
    return Path.of(jar);
  }
}
