package org.curlake.jobs.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.StorageConfig;
import org.curlake.jobs.bench.BenchDataset;
import org.curlake.jobs.bench.Benchmark;
import org.curlake.jobs.bench.CurateProfile;
import org.curlake.jobs.curate.SqlModel;
import org.curlake.jobs.spark.TenantParallelism;
import org.curlake.quality.QualityRulesLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lakehouse bench}: generates N synthetic CUR rows, then measures in one run the floor (raw
 * Parquet copied to Delta), the pipeline, a DuckDB reference and the incremental re-delivery of one
 * month, and prints rows/s, seconds, peak heap and the ratios. Exit 1 when the DuckDB reference
 * totals do not match the pipeline's to the cent.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark the pipeline against the floor (Parquet to Delta copy) and DuckDB; incremental cost.")
public final class BenchCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(names = "--config", defaultValue = "${env:CURLAKE_CONFIG:-config}",
      description = "Config directory holding quality/rules.yaml (default: ${DEFAULT-VALUE}).")
  Path configDir;

  @Option(names = "--rows", defaultValue = "10000000", description = "Line items in all (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--tenants", defaultValue = "2",
      description = "Synthetic tenants, legacy CUR and CUR 2.0 in turn (default: ${DEFAULT-VALUE}).")
  int tenants;

  @Option(names = "--months", defaultValue = "12", description = "Billing periods per tenant (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--dir", defaultValue = "bench-data",
      description = "Bench folder: raw data (reused when unchanged), lakes, outputs (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--no-incremental", negatable = false, description = "Skip the incremental re-delivery measurement.")
  boolean noIncremental;

  @Option(names = "--profile-curate", negatable = false,
      description = "Instead of the benchmark: time curate's period marts one by one on the lake a previous bench "
          + "left in --dir (and --variants beside them).")
  boolean profileCurate;

  @Option(names = "--variants",
      description = "With --profile-curate: a folder of <mart>.sql variants, timed against the committed models "
          + "and compared row for row.")
  Path variants;

  @Option(names = "--marts", split = ",", defaultValue = "fct_cost_daily,fct_cost_by_tag,focus_costs",
      description = "With --profile-curate: the period marts to time (default: ${DEFAULT-VALUE}).")
  List<String> marts;

  @Option(names = "--reps", defaultValue = "4",
      description = "With --profile-curate: repetitions; the first is a warm-up (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--sink", defaultValue = "delta",
      description = "With --profile-curate: delta (the write curate makes, to a scratch lake) or noop (compute only); "
          + "default: ${DEFAULT-VALUE}.")
  CurateProfile.Sink sink;

  @Option(names = "--tenant-parallelism", defaultValue = "" + TenantParallelism.DEFAULT,
      description = "Tenants checked and analysed at a time (default: ${DEFAULT-VALUE}).")
  int tenantParallelism;

  @Override
  public Integer call() {
    BenchDataset data = BenchDataset.plan(dir, rows, tenants, months, seed);
    // Read before Spark starts: a bad variants folder is reported at once.
    Map<String, SqlModel> variantModels = variants == null ? Map.of() : CurateProfile.variants(variants);
    SparkSession session = spark.session("curlake-bench", StorageConfig.load(configDir.toAbsolutePath().normalize()));
    if (profileCurate) {
      return profileCurate(session, data, variantModels);
    }
    Benchmark.Report report = new Benchmark(session, new QualityRulesLoader(configDir).load(), spark.threads,
        tenantParallelism, System.out::println).run(data, !noIncremental);
    return report.totalsMatch() ? 0 : 1;
  }

  /** Exit 1 when a variant's rows differ from its committed model's. */
  private int profileCurate(SparkSession session, BenchDataset data, Map<String, SqlModel> variantModels) {
    Path benchDir = data.dir();
    CurateProfile.Report report = new CurateProfile(session, new QualityRulesLoader(configDir).load().validity(),
        System.out::println).run(benchDir.resolve("lake").toUri().toString(), benchDir.resolve("profile-lake"),
        data.configs(), marts, variantModels, reps, sink);
    return report.variantsSame() ? 0 : 1;
  }
}
