package org.curlake.jobs.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.exceptions.DeltaConcurrentModificationException;
import io.delta.tables.DeltaTable;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;

/**
 * Replaces one partition of a lake table in a single Delta commit ({@code replaceWhere}): readers
 * see the old partition or the new one, never a mix, and other partitions are untouched. The
 * predicate is built from typed column expressions, never by concatenating values into SQL.
 *
 * <p>Writers of other tenants (other threads, or other tenants' pipelines) commit to the same tables.
 * Delta lets commits to disjoint partitions succeed side by side, but two writers creating a table, or
 * changing its schema, at the same time conflict: the losing commit is not made and is retried, up to
 * {@link #COMMIT_ATTEMPTS} times (a replaced partition or an appended run log is written again whole,
 * its query computed again). Writers in this JVM do not race to create a table: while one creates it,
 * the others wait for it, then commit to the table it made.
 */
public final class PartitionWriter {
  /** How often a write whose commit conflicted with a concurrent writer's is attempted in all. */
  public static final int COMMIT_ATTEMPTS = 5;
  /** A lock per table location that a writer of this JVM is creating. */
  private static final java.util.concurrent.ConcurrentMap<String, Object> CREATING =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PartitionWriter.class);

  /** The Delta table property naming the columns with data-skipping statistics ({@link LakeTable#statsColumns}). */
  public static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

  private final SparkSession spark;
  private final String lakeRoot;

  public PartitionWriter(SparkSession spark, String lakeRoot) {
    this.spark = spark;
    this.lakeRoot = lakeRoot;
  }

  /**
   * @param rows the partition's new rows; every row must carry the given partition values
   * @param partition partition column → value, e.g. tenant_id → acme, billing_period → 2024-01
   * @param marker recorded as the commit's userMetadata, to find the commit's metrics
   * @return the rows the commit wrote
   */
  public long replace(LakeTable table, Dataset<Row> rows, Map<String, String> partition, String marker) {
    Column predicate = lit(true);
    for (Map.Entry<String, String> entry : new java.util.TreeMap<>(partition).entrySet()) {
      requirePartitionColumn(table, entry.getKey());
      predicate = predicate.and(col(entry.getKey()).equalTo(lit(entry.getValue())));
    }
    return replaceWhere(table, rows, predicate, marker);
  }

  /**
   * Replaces several billing periods of one tenant in a single Delta commit: one commit (and one
   * job) for all the periods a run changed, instead of one per period.
   *
   * @param periods the billing periods replaced; every row must belong to one of them
   * @return the rows the commit wrote, over all the periods
   */
  public long replacePeriods(LakeTable table, Dataset<Row> rows, String tenant, java.util.Collection<String> periods,
      String marker) {
    requirePartitionColumn(table, "tenant_id");
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("no billing period to replace in " + table.tableName());
    }
    Column predicate = col("tenant_id").equalTo(lit(tenant))
        .and(col("billing_period").isin(new java.util.TreeSet<>(periods).toArray()));
    return replaceWhere(table, rows, predicate, marker);
  }

  private static void requirePartitionColumn(LakeTable table, String column) {
    if (!table.partitionColumns().contains(column)) {
      throw new IllegalArgumentException(column + " is not a partition column of " + table.tableName());
    }
  }

  private long replaceWhere(LakeTable table, Dataset<Row> rows, Column predicate, String marker) {
    String location = table.location(lakeRoot);
    DataFrameWriter<Row> writer = rows.write().format("delta");
    if (!table.statsColumns().isEmpty()) {
      // A table property: Delta takes it from the write that creates the table and ignores it afterwards.
      writer = writer.option(STATS_COLUMNS, String.join(",", table.statsColumns()));
    }
    DataFrameWriter<Row> replacing = writer
        .mode("overwrite")
        .option("replaceWhere", predicate.expr().sql())
        // Additive schema evolution: a model that gains a column adds it to the table (older rows read null);
        // a changed column type still fails.
        .option("mergeSchema", "true")
        .option("userMetadata", marker)
        .partitionBy(table.partitionColumns().toArray(String[]::new));
    committing(table, location, () -> replacing.save(location));
    // The commit is almost always the latest: read one commit file, not fifty (a write's overhead).
    java.util.List<Row> commits = committed(location, marker, 1);
    if (commits.isEmpty()) {
      commits = committed(location, marker, 50);
    }
    // Delta makes no commit for an empty write to an empty partition: nothing was written.
    if (commits.isEmpty() || commits.get(0).isNullAt(0)) {
      return 0;
    }
    return Long.parseLong(commits.get(0).getString(0));
  }

  private java.util.List<Row> committed(String location, String marker, int latestCommits) {
    return DeltaTable.forPath(spark, location).history(latestCommits)
        .where(col("userMetadata").equalTo(lit(marker)))
        .select(col("operationMetrics").getItem("numOutputRows"))
        .collectAsList();
  }

  /** Whether the table exists and holds a row of the tenant in one of the periods (a partition-pruned scan). */
  public boolean hasRows(LakeTable table, String tenant, java.util.Collection<String> periods) {
    return read(table).map(rows -> !rows.where(col("tenant_id").equalTo(lit(tenant))
        .and(col("billing_period").isin(periods.toArray()))).isEmpty()).orElse(false);
  }

  /** Whether the table exists and its partition holds any row (a partition-pruned scan: no data read). */
  public boolean hasRows(LakeTable table, Map<String, String> partition) {
    return read(table).map(rows -> {
      Dataset<Row> selected = rows;
      for (Map.Entry<String, String> entry : partition.entrySet()) {
        selected = selected.where(col(entry.getKey()).equalTo(lit(entry.getValue())));
      }
      return !selected.isEmpty();
    }).orElse(false);
  }

  /** Appends rows to an append-only table (run logs, check results). */
  public void append(LakeTable table, Dataset<Row> rows) {
    String location = table.location(lakeRoot);
    committing(table, location, () -> rows.write().format("delta").mode("append")
        .partitionBy(table.partitionColumns().toArray(String[]::new))
        .save(location));
  }

  /**
   * Runs a write to the table at {@code location}, holding the table's creation lock when the table does
   * not exist yet, and again when its commit conflicted with a concurrent writer's.
   */
  private void committing(LakeTable table, String location, Runnable write) {
    if (DeltaTable.isDeltaTable(spark, location)) {
      retrying(table, write);
      return;
    }
    synchronized (CREATING.computeIfAbsent(location, key -> new Object())) {
      retrying(table, write);
    }
  }

  /** Runs a write, again when its commit conflicted with a concurrent writer's (the conflicting commit was not made). */
  private static void retrying(LakeTable table, Runnable write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (DeltaConcurrentModificationException e) {
        if (attempt == COMMIT_ATTEMPTS) {
          throw e;
        }
        LOG.info("table={} attempt={} commit conflicted with a concurrent writer, writing again: {}",
            table.tableName(), attempt, e.getClass().getSimpleName());
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The table's current rows, or empty when it was never written. */
  public java.util.Optional<Dataset<Row>> read(LakeTable table) {
    String location = table.location(lakeRoot);
    if (!DeltaTable.isDeltaTable(spark, location)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(spark.read().format("delta").load(location));
  }
}
