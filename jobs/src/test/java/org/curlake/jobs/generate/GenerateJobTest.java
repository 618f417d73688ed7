package org.curlake.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.PeriodDelivery;
import org.curlake.jobs.ingest.SourceDiscovery;
import org.curlake.jobs.ingest.SourceFormatDetector;
import org.curlake.jobs.lake.TableChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing generated months in the delivery layouts ingest discovers. */
class GenerateJobTest {
  @TempDir Path temp;

  private static GeneratorSpec spec(SourceFormat format, int months, long rows) {
    return new GeneratorSpec("acme_corp", format, 11, YearMonth.of(2023, 12), months, rows, 3, Grain.DAILY);
  }

  private static SourceLocation at(Path path) {
    return SourceLocation.parse("out", path.toString(), path.getParent());
  }

  @Test
  void writesLegacyCurInYearMonthFolders() throws IOException {
    SparkSession spark = SharedSpark.session();
    Set<String> groups = ConcurrentHashMap.newKeySet();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        String group = start.properties() == null ? null : start.properties().getProperty("spark.jobGroup.id");
        if (group != null) {
          groups.add(group);
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    Path out = temp.resolve("legacy");
    List<String> progress = new ArrayList<>();
    GenerateResult result;
    try {
      result = new GenerateJob(spark).run(spec(SourceFormat.LEGACY_CUR, 2, 3000), at(out),
          p -> progress.add(p.progressLine()));
    } finally {
      waitForListeners(groups);
      spark.sparkContext().removeSparkListener(listener);
    }
    assertEquals(2, result.periods().size());
    assertEquals(6000, result.totalRows());
    assertEquals(2, result.totalFiles());
    assertTrue(groups.contains("generate-acme_corp"), groups.toString());
    assertTrue(progress.get(0).matches("generate tenant=acme_corp period=2023-12 rows=3000 files=1 seconds=\\d+\\.\\d"),
        progress.get(0));

    assertEquals(List.of("Dec2023-acme-corp-cur-00001.snappy.parquet"), parquetFiles(out.resolve("year=2023/month=12")));
    assertEquals(List.of("Jan2024-acme-corp-cur-00001.snappy.parquet"), parquetFiles(out.resolve("year=2024/month=1")));
    assertFalse(Files.exists(out.resolve("year=2024/month=1/_SUCCESS")));

    List<PeriodDelivery> deliveries = new SourceDiscovery(spark.sparkContext().hadoopConfiguration())
        .discover("acme_corp", at(out));
    assertEquals(List.of(BillingPeriod.of(2023, 12), BillingPeriod.of(2024, 1)),
        deliveries.stream().map(PeriodDelivery::period).toList());
    Dataset<Row> read = spark.read().parquet(out.resolve("year=2024/month=1").toString());
    assertEquals(SourceFormat.LEGACY_CUR, SourceFormatDetector.detect(read.schema()).orElseThrow());
    assertEquals(3000, read.count());
  }

  @Test
  void writesCur2InBillingPeriodFoldersAndReplacesAnExistingPeriod() throws IOException {
    SparkSession spark = SharedSpark.session();
    Path out = temp.resolve("cur2");
    new GenerateJob(spark).run(spec(SourceFormat.CUR2, 1, 2500), at(out));
    Path period = out.resolve("data/BILLING_PERIOD=2023-12");
    assertEquals(List.of("acme-corp-cur2-00001.snappy.parquet"), parquetFiles(period));
    Dataset<Row> first = spark.read().parquet(period.toString());
    assertEquals(SourceFormat.CUR2, SourceFormatDetector.detect(first.schema()).orElseThrow());
    TableChecksum written = TableChecksum.of(first);
    assertEquals(TableChecksum.of(SyntheticCur.month(spark, spec(SourceFormat.CUR2, 1, 2500), YearMonth.of(2023, 12))),
        written, "the files hold exactly the generated rows");

    GenerateResult again = new GenerateJob(spark).run(spec(SourceFormat.CUR2, 1, 1200), at(out));
    assertEquals(1200, again.totalRows());
    assertEquals(1200, spark.read().parquet(period.toString()).count(), "the period folder is replaced");
    assertEquals(1, parquetFiles(period).size());
  }

  private static List<String> parquetFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".parquet") && !n.startsWith("."))
          .sorted().toList();
    }
  }

  /** Listener events arrive asynchronously; give the bus a moment. */
  private static void waitForListeners(Set<String> groups) {
    for (int i = 0; i < 50 && groups.isEmpty(); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
