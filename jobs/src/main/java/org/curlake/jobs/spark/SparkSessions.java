package org.curlake.jobs.spark;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.StorageConfig;

/**
 * Builds the SparkSession the jobs run in. The jobs never build their own session: it is injected,
 * so the same code runs on the embedded default (local[*], local Delta folder), under the test
 * suite's shared session, or under spark-submit on a cluster (where the master comes from the
 * submit command).
 */
public final class SparkSessions {
  /** Static SQL setting: the size of the JVM-wide cache of compiled generated code. */
  public static final String CODEGEN_CACHE_ENTRIES = "spark.sql.codegen.cache.maxEntries";

  private SparkSessions() {}

  /** Settings every session needs, with the default (AWS) storage settings. */
  public static Map<String, String> baseConfig() {
    return baseConfig(StorageConfig.DEFAULTS);
  }

  /**
   * Settings every session needs: Delta Lake, UTC, quiet loopback-only local runs, and the s3a
   * connection settings of {@code storage} (credentials come from the AWS default chain, never from code).
   */
  public static Map<String, String> baseConfig(StorageConfig storage) {
    Map<String, String> conf = new TreeMap<>();
    conf.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.put("spark.sql.session.timeZone", "UTC");
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.ui.showConsoleProgress", "false");
    conf.put("spark.sql.parquet.mergeSchema", "false");
    conf.put("spark.sql.debug.maxToStringFields", "500");
    conf.put("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    conf.put("spark.databricks.delta.snapshotPartitions", "2");
    conf.put("spark.databricks.delta.stalenessLimit", "0");
    storage.hadoopSettings().forEach((key, value) -> conf.put("spark.hadoop." + key, value));
    // The .crc checksum file is optional; computing it after every commit costs a job per write.
    conf.put("spark.databricks.delta.writeChecksumFile.enabled", "false");
    // Compiled generated classes kept per JVM (Spark's default is 100). A run plans hundreds of
    // distinct stages (every mart's SQL per tenant and period, Deequ's checks), so 100 entries were
    // evicted before their reuse: analytics of three small tenants compiled ~1,300 classes per run with
    // 100 and ~20 once warm with 1,000, for ~6 MB more metaspace (README, Benchmarks).
    conf.put(CODEGEN_CACHE_ENTRIES, "1000");
    return conf;
  }

  /** An embedded session on this machine: local[threads], bound to 127.0.0.1. */
  public static SparkSession local(String appName, int threads, int shufflePartitions) {
    return local(appName, threads, shufflePartitions, StorageConfig.DEFAULTS);
  }

  /** An embedded session on this machine reaching S3 as {@code storage} says. */
  public static SparkSession local(String appName, int threads, int shufflePartitions, StorageConfig storage) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        .master("local[" + threads + "]")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
        .config("spark.default.parallelism", String.valueOf(threads));
    baseConfig(storage).forEach(builder::config);
    return builder.getOrCreate();
  }

  /** The session under spark-submit: master and resources come from the submit command. */
  public static SparkSession submitted(String appName, StorageConfig storage) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    baseConfig(storage).forEach(builder::config);
    return builder.getOrCreate();
  }

  /** Points a running session's s3a connector at {@code storage} (for sessions built before it was known). */
  public static void useStorage(SparkSession session, StorageConfig storage) {
    storage.hadoopSettings().forEach(session.sparkContext().hadoopConfiguration()::set);
  }
}
