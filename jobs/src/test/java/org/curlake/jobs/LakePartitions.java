package org.curlake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.demo.DemoSummary;
import org.curlake.jobs.lake.TableChecksum;

/**
 * What a lake's readers see: a content checksum of every partition of every data table (run logs
 * excluded: they hold run ids and times). Two lakes with equal maps hold the same data.
 */
public final class LakePartitions {
  private LakePartitions() {}

  /** Keys like {@code marts.fct_cost_daily tenant_id=acme billing_period=2024-01}. */
  public static Map<String, TableChecksum> of(SparkSession spark, Path lake) {
    Map<String, TableChecksum> partitions = new TreeMap<>();
    for (LakeTable table : DemoSummary.DATA_TABLES) {
      String location = table.location(lake.toString());
      if (!hasCommits(Path.of(location))) {
        continue;
      }
      Dataset<Row> rows = spark.read().format("delta").load(location);
      List<String> keys = table.partitionColumns();
      for (Row values : rows.select(keys.stream().map(c -> col(c)).toArray(Column[]::new)).distinct().collectAsList()) {
        Dataset<Row> partition = rows;
        StringBuilder name = new StringBuilder(table.layer()).append('.').append(table.tableName());
        for (int i = 0; i < keys.size(); i++) {
          partition = partition.where(col(keys.get(i)).equalTo(lit(values.get(i))));
          name.append(' ').append(keys.get(i)).append('=').append(values.get(i));
        }
        partitions.put(name.toString(), TableChecksum.of(partition));
      }
    }
    return partitions;
  }

  /**
   * Whether the table has a commit on disk. Not {@code DeltaTable.isDeltaTable}: it answers from the
   * session's cached DeltaLog without listing the log again, so a table that another JVM (a child
   * job of these tests) created after this session first looked at it stays "not a table".
   */
  private static boolean hasCommits(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return false;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Data files on disk below a table that its current Delta snapshot does not reference (left by an interrupted write). */
  public static long uncommittedFiles(SparkSession spark, Path lake, LakeTable table) {
    Path dir = Path.of(table.location(lake.toString()));
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    Set<Path> committed = hasCommits(dir)
        ? Stream.of(spark.read().format("delta").load(dir.toString()).inputFiles())
            .map(f -> Path.of(URI.create(f)).normalize()).collect(Collectors.toSet())
        : Set.of();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log"))
          .map(Path::normalize).filter(f -> !committed.contains(f)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
