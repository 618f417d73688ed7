package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;

/**
 * Writes a tenant's synthetic CUR export in the layout AWS delivers it: legacy CUR as
 * {@code <out>/year=YYYY/month=M/} (month without a leading zero), CUR 2.0 as
 * {@code <out>/data/BILLING_PERIOD=YYYY-MM/}, snappy Parquet, one file per million rows, named
 * like AWS names them. A period folder that exists is replaced. The only class of the generator that
 * writes; runs under the Spark job group {@code generate-<tenant>}.
 */
public final class GenerateJob {
  private final SparkSession spark;

  public GenerateJob(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  public GenerateResult run(GeneratorSpec spec, SourceLocation output) {
    return run(spec, output, period -> { });
  }

  /** Generates every period of {@code spec} under {@code output}, reporting each period as it is written. */
  public GenerateResult run(GeneratorSpec spec, SourceLocation output, Consumer<PeriodOutput> progress) {
    return run(spec, InjectionSpec.NONE, output, progress);
  }

  /** Generates every period of {@code spec} with an evaluation's injection (see {@link InjectionSpec}). */
  public GenerateResult run(GeneratorSpec spec, InjectionSpec injection, SourceLocation output,
      Consumer<PeriodOutput> progress) {
    Objects.requireNonNull(injection, "injection");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(output, "output");
    long started = System.nanoTime();
    SparkContext context = spark.sparkContext();
    context.setJobGroup("generate-" + spec.tenantId(),
        "generate synthetic " + spec.format().configName() + " CUR for tenant " + spec.tenantId(), false);
    try {
      List<PeriodOutput> periods = new ArrayList<>();
      for (YearMonth period : spec.periods()) {
        PeriodOutput written = write(spec, injection, output, period);
        periods.add(written);
        progress.accept(written);
      }
      return new GenerateResult(spec.tenantId(), spec.format(), output.uri(), periods, secondsSince(started));
    } finally {
      context.clearJobGroup();
    }
  }

  /** The folder of a period under the output root, as AWS lays deliveries out. */
  public static String periodFolder(SourceFormat format, YearMonth period) {
    return switch (format) {
      case LEGACY_CUR -> "year=" + period.getYear() + "/month=" + period.getMonthValue();
      case CUR2 -> "data/BILLING_PERIOD=" + period;
      case FOCUS -> throw new IllegalArgumentException("FOCUS generation is not supported yet");
    };
  }

  private PeriodOutput write(GeneratorSpec spec, InjectionSpec injection, SourceLocation output, YearMonth period) {
    long started = System.nanoTime();
    String folder = output.hadoopPath() + "/" + periodFolder(spec.format(), period);
    int files = SyntheticCur.partitions(spec.rowsIn(period));
    SyntheticCur.GeneratedMonth month = SyntheticCur.month(SyntheticCur.generatorSession(spark), spec, period, injection);
    // Generated in parallel slices, then range-partitioned by the sort key into the month's files: each
    // file a contiguous, sorted stretch of the month (one file below a million rows: the whole month sorted).
    Column[] order = {col("line_item_usage_start_date"), col("identity_line_item_id")};
    month.lines()
        .repartitionByRange(files, order)
        .sortWithinPartitions(order)
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "snappy")
        .parquet(folder);
    int written = nameLikeAws(folder, fileStem(spec, period));
    long rows = spark.read().parquet(folder).count();
    long expected = spec.rowsIn(period) + month.injectedRows();
    if (rows != expected) {
      throw new IllegalStateException("wrote " + rows + " rows to " + folder + ", expected " + expected);
    }
    return new PeriodOutput(spec.tenantId(), period, folder, rows, written, secondsSince(started));
  }

  /** Jan2024-acme-cur (legacy, like Oct2018-WorkshopCUR) or acme-cur2 (the export name of a CUR 2.0 export). */
  private static String fileStem(GeneratorSpec spec, YearMonth period) {
    String tenant = spec.tenantId().replace('_', '-');
    return spec.format() == SourceFormat.LEGACY_CUR
        ? period.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + period.getYear() + "-" + tenant + "-cur"
        : tenant + "-cur2";
  }

  /** Renames Spark's part files to stem-00001.snappy.parquet... in part order and drops the _SUCCESS marker. */
  private int nameLikeAws(String folder, String stem) {
    Path dir = new Path(folder);
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] parts = fs.listStatus(dir, p -> p.getName().startsWith("part-") && p.getName().endsWith(".parquet"));
      Arrays.sort(parts, Comparator.comparing(s -> s.getPath().getName()));
      for (int i = 0; i < parts.length; i++) {
        Path target = new Path(dir, String.format(Locale.ROOT, "%s-%05d.snappy.parquet", stem, i + 1));
        if (!fs.rename(parts[i].getPath(), target)) {
          throw new IOException("cannot rename " + parts[i].getPath() + " to " + target);
        }
      }
      fs.delete(new Path(dir, "_SUCCESS"), false);
      return parts.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot name the files in " + folder, e);
    }
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
