package org.curlake.jobs.bench;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GeneratorSpec;

/**
 * Incremental cost: with every month of a tenant already curated, one month is delivered again with
 * restated rows (regenerated from another seed) and the pipeline runs over the tenant (ingest and
 * curate over all periods, skipping unchanged ones; check and analytics of the month). Its cost is
 * compared with the same steps on a fresh lake holding only that month: the ratio shows whether the
 * cost grows with the changed data or with the history.
 */
final class IncrementalBench {
  private final SparkSession spark;
  private final PipelineBench pipeline;
  private final Consumer<String> progress;

  IncrementalBench(SparkSession spark, PipelineBench pipeline, Consumer<String> progress) {
    this.spark = spark;
    this.pipeline = pipeline;
    this.progress = progress;
  }

  /** Result: the re-run over the full history, and the single-month run; both end with their total phase. */
  record Result(List<Phase> rerun, List<Phase> single) {
    double ratio() {
      return rerun.get(rerun.size() - 1).seconds() / single.get(single.size() - 1).seconds();
    }
  }

  /**
   * @param tenant a tenant whose every month is curated in {@code lakeRoot}
   * @param dir the bench folder (the single-month lake and source go below it)
   */
  Result run(BenchDataset.BenchTenant tenant, String lakeRoot, Path dir) {
    GeneratorSpec full = tenant.spec();
    YearMonth month = full.firstPeriod().plusMonths(full.months() - 1L);
    GeneratorSpec restated = new GeneratorSpec(full.tenantId(), full.format(), full.seed() + 1_000, month, 1,
        full.rowsPerMonth(), full.accounts(), full.grain());
    // The restated delivery replaces the month in the tenant's source: the data no longer matches its spec.
    BenchDataset.write(tenant.source().resolve("_bench_spec"), "restated " + month);
    new GenerateJob(spark).run(restated, tenant.config().source().location(),
        period -> progress.accept("bench restated " + period.progressLine()));
    List<Phase> rerun = pipeline.run("incremental.rerun_one_month", lakeRoot, List.of(tenant.config()),
        full.rowsIn(month), month, true);

    Path singleSource = dir.resolve("raw-single").resolve(full.tenantId());
    GeneratorSpec single = new GeneratorSpec(full.tenantId(), full.format(), full.seed() + 2_000, month, 1,
        full.rowsPerMonth(), full.accounts(), full.grain());
    new GenerateJob(spark).run(single, SourceLocation.parse("single", singleSource.toString(), dir),
        period -> progress.accept("bench single " + period.progressLine()));
    TenantConfig singleTenant = BenchDataset.tenant(full.tenantId(), singleSource, full.format());
    String singleLake = dir.resolve("lake-single").toUri().toString();
    BenchDirs.delete(dir.resolve("lake-single"));
    List<Phase> singleRun = pipeline.run("incremental.single_month", singleLake, List.of(singleTenant),
        full.rowsIn(month), month, true);
    return new Result(rerun, singleRun);
  }
}
