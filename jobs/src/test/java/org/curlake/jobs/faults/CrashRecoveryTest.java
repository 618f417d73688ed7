package org.curlake.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.LakePartitions;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TenantWorkspace;
import org.curlake.jobs.lake.TableChecksum;
import org.curlake.jobs.process.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * The real CLI in a child JVM, SIGKILLed while it writes: first during ingest (the second billing
 * period's data files are on disk, its commit is not), then during curate (a later period's
 * focus_costs files are being written while its other marts are already committed). After each
 * kill every partition readers see is either absent or exactly what an uninterrupted run writes
 * (Delta commits are atomic); a plain rerun then yields a lake identical to the uninterrupted one.
 * Ends with a reliability line.
 */
class CrashRecoveryTest {
  private static final String TENANT = "crashy";
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
  private final SparkSession spark = SharedSpark.session();

  @Test
  void killedMidWriteThenRerunGivesTheUninterruptedLake() {
    TenantWorkspace workspace = TenantWorkspace.create(spark, "crash-recovery", TENANT, 2, 6_000);
    Path reference = workspace.lake("lake-uninterrupted");
    // The uninterrupted run (in this JVM) goes on while the first child JVM starts and is killed:
    // the two write separate lakes, and the first comparison waits for the reference.
    CompletableFuture<Map<String, TableChecksum>> uninterrupted = CompletableFuture.supplyAsync(() -> {
      workspace.ingestAndCurate(spark, reference);
      return LakePartitions.of(spark, reference);
    });
    Path lake = workspace.lake("lake-crashed");

    int tried = 0;
    int survived = 0;
    long rowsLost = 0;

    // 1. ingest killed while the second period's data files are written.
    tried++;
    killWhenWriting(workspace, "ingest", lake, LakeTable.CUR_LINE_ITEMS, "2024-02");
    Map<String, TableChecksum> expected = uninterrupted.join();
    assertOnlyCompletePartitions(expected, lake, "after the ingest kill");
    assertEquals(0, cli(workspace, "ingest", lake).awaitExit(JOB_TIMEOUT), "ingest rerun");
    rowsLost += rowsLost(expected, lake, LakeTable.CUR_LINE_ITEMS);
    survived++;

    // 2. curate killed while the last period's focus_costs files are written.
    tried++;
    killWhenWriting(workspace, "curate", lake, LakeTable.FOCUS_COSTS, "2024-02");
    assertOnlyCompletePartitions(expected, lake, "after the curate kill");
    assertEquals(0, cli(workspace, "curate", lake).awaitExit(JOB_TIMEOUT), "curate rerun");
    Map<String, TableChecksum> recovered = LakePartitions.of(spark, lake);
    rowsLost += expected.values().stream().mapToLong(TableChecksum::rows).sum()
        - recovered.values().stream().mapToLong(TableChecksum::rows).sum();
    assertEquals(expected, recovered, "after reruns the lake equals the uninterrupted run's");
    survived++;

    assertEquals(0, rowsLost);
    System.out.printf("reliability crash_recovery faults_tried=%d faults_survived=%d rows_lost=%d%n",
        tried, survived, rowsLost);
  }

  private ChildJvm cli(TenantWorkspace workspace, String command, Path lake) {
    Path log = workspace.root().resolve("logs").resolve(command + "-" + System.nanoTime() + ".log");
    return ChildJvm.start(command, log, "1g", ChildJvm.testClasspath(), "org.curlake.jobs.cli.LakehouseCli",
        workspace.cliArgs(command, lake), Map.of("SPARK_LOCAL_IP", "127.0.0.1"));
  }

  /** Runs the command and SIGKILLs it as soon as data files of the given partition appear on disk. */
  private void killWhenWriting(TenantWorkspace workspace, String command, Path lake, LakeTable table,
      String period) {
    Path partition = Path.of(table.location(lake.toString()), "tenant_id=" + TENANT, "billing_period=" + period);
    try (ChildJvm job = cli(workspace, command, lake)) {
      job.awaitCondition("data files in " + partition, JOB_TIMEOUT, () -> hasParquet(partition));
      job.kill();
      assertNotEquals(0, job.awaitExit(Duration.ofSeconds(10)), "the job was killed, not finished");
      assertTrue(!job.output().contains(command + " runs=") && !job.output().contains(command + " run_id="),
          "the job never reached its summary line\n" + job.tail());
    }
    long leftovers = LakePartitions.uncommittedFiles(spark, lake, table);
    System.out.printf("crash command=%s killed_while_writing=%s uncommitted_files_left=%d%n",
        command, partition.getFileName(), leftovers);
  }

  /** Every partition readers see is complete: equal to the uninterrupted run's, never a part of it. */
  private void assertOnlyCompletePartitions(Map<String, TableChecksum> expected, Path lake, String when) {
    Map<String, TableChecksum> visible = LakePartitions.of(spark, lake);
    assertTrue(expected.keySet().containsAll(visible.keySet()), when + ": unexpected partitions " + visible.keySet());
    visible.forEach((partition, checksum) ->
        assertEquals(expected.get(partition), checksum, when + ": " + partition + " is partial"));
  }

  private long rowsLost(Map<String, TableChecksum> expected, Path lake, LakeTable table) {
    String prefix = table.layer() + "." + table.tableName() + " ";
    Map<String, TableChecksum> now = LakePartitions.of(spark, lake);
    long lost = 0;
    for (Map.Entry<String, TableChecksum> entry : expected.entrySet()) {
      if (entry.getKey().startsWith(prefix)) {
        TableChecksum actual = now.get(entry.getKey());
        assertEquals(entry.getValue(), actual, entry.getKey() + " after the rerun");
        lost += entry.getValue().rows() - (actual == null ? 0 : actual.rows());
      }
    }
    return lost;
  }

  private static boolean hasParquet(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      // the writer may be creating the folder right now
      return false;
    }
  }
}
