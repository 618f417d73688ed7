package org.curlake.jobs.cli;

import org.apache.spark.sql.SparkSession;
import org.curlake.config.StorageConfig;
import org.curlake.jobs.spark.SparkSessions;
import picocli.CommandLine.Option;

/** How a command gets its SparkSession: embedded local[N] by default, or the one spark-submit provides. */
public final class SparkOptions {
  @Option(names = "--threads", defaultValue = "${env:CURLAKE_SPARK_THREADS:-2}",
      description = "Local Spark threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--shuffle-partitions", defaultValue = "4",
      description = "spark.sql.shuffle.partitions for local runs (default: ${DEFAULT-VALUE}).")
  int shufflePartitions;

  @Option(names = "--submitted",
      description = "Use the master given by spark-submit instead of an embedded local session.")
  boolean submitted;

  /** The session, its s3a connector configured from {@code storage} (config/storage.yaml). */
  public SparkSession session(String appName, StorageConfig storage) {
    if (submitted) {
      return SparkSessions.submitted(appName, storage);
    }
    return SparkSessions.local(appName, threads, shufflePartitions, storage);
  }
}
