package org.curlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.TestTenants;

/** Small CUR deliveries cut from the real WorkshopCUR files, written in the legacy layout. */
final class IngestFixtures {
  private IngestFixtures() {}

  /** The real rows of one workshop month. */
  static Dataset<Row> workshopMonth(SparkSession spark, int month) {
    return spark.read().parquet(TestTenants.workshopData().resolve("year=2018/month=" + month).toString());
  }

  /** Writes rows as a single-file delivery of {@code year=2018/month=M/}, replacing what was there. */
  static Path deliver(Path source, int month, Dataset<Row> rows) {
    Path dir = source.resolve("year=2018/month=" + month);
    deleteRecursively(dir);
    rows.coalesce(1).write().parquet(dir.toString());
    return dir;
  }

  /** Writes a file that is not Parquet but is named like one. */
  static Path deliverCorrupt(Path source, int month, String name) throws IOException {
    Path dir = source.resolve("year=2018/month=" + month);
    deleteRecursively(dir);
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.writeString(file, "PAR1 this is not a parquet file, it was truncated in transit");
    return file;
  }

  /**
   * Damages the data pages of the month's delivered file and leaves its footer intact: the file passes
   * inspection (schema and row count read from the footer) and fails only when its rows are read.
   */
  static Path damageDataPages(Path source, int month) throws IOException {
    Path dir = source.resolve("year=2018/month=" + month);
    Path file;
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      file = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    // Layout: "PAR1", column chunks, footer, 4-byte little-endian footer length, "PAR1".
    int footerLength = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    int dataEnd = bytes.length - 8 - footerLength;
    for (int i = dataEnd / 3; i < dataEnd * 2 / 3; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(file, bytes);
    // Without this, Hadoop's local checksum file would report the damage as soon as the footer is read.
    Files.deleteIfExists(dir.resolve("." + file.getFileName() + ".crc"));
    return file;
  }

  /** The first {@code n} rows of a month, in line item id order (a deterministic subset). */
  static Dataset<Row> firstRows(SparkSession spark, int month, int n) {
    return workshopMonth(spark, month).orderBy(col("identity_line_item_id"), col("line_item_usage_start_date"))
        .limit(n);
  }

  static Dataset<Row> withoutColumn(Dataset<Row> rows, String column) {
    return rows.drop(column);
  }

  static Dataset<Row> withCost(Dataset<Row> rows, double cost) {
    return rows.withColumn("line_item_unblended_cost", lit(cost));
  }

  static List<Row> sorted(Dataset<Row> rows, String... columns) {
    return rows.orderBy(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length)).collectAsList();
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
