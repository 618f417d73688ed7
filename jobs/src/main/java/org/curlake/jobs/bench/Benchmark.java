package org.curlake.jobs.bench;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.quality.QualityRules;

/**
 * The whole benchmark in one run, on one SparkSession: (a) the floor, Spark copying the raw Parquet
 * to Delta; (b) the pipeline (ingest, curate, check, analytics) on the same data; (c) DuckDB
 * computing fct_cost_daily from the raw Parquet, its totals checked against the pipeline's to the
 * cent; (a') the floor again; then the incremental re-delivery of one month. Prints one logfmt line per
 * phase and the ratios; returns whether the reference totals matched.
 *
 * <p>The same copy of the same files took 163 to 223 s at 10M line items from one run to the next on
 * this machine; a slow floor alone could make the goal look met. So the floor is measured before and
 * after the pipeline, and the goal ratio divides by the faster of the two: the strict reading.
 */
public final class Benchmark {
  private final SparkSession spark;
  private final QualityRules rules;
  private final int duckDbThreads;
  private final Consumer<String> out;
  private final SparkJobCounter sparkJobs;
  private final int tenantParallelism;

  /** @param tenantParallelism tenants checked and analysed at a time ({@link org.curlake.jobs.spark.TenantParallelism}) */
  public Benchmark(SparkSession spark, QualityRules rules, int duckDbThreads, int tenantParallelism,
      Consumer<String> out) {
    this.spark = spark;
    this.tenantParallelism = tenantParallelism;
    this.sparkJobs = SparkJobCounter.register(spark);
    this.rules = rules;
    this.duckDbThreads = duckDbThreads;
    this.out = out;
  }

  /** What one run measured. */
  public record Report(List<Phase> phases, List<CostTotals> pipeline, List<CostTotals> duckdb, long quarantined,
      double pipelineOverFloor, double pipelineOverDuckDb, double rerunOverSingle) {
    public boolean totalsMatch() {
      if (pipeline.size() != duckdb.size() || quarantined != 0) {
        return false;
      }
      for (int i = 0; i < pipeline.size(); i++) {
        if (!pipeline.get(i).matches(duckdb.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  public Report run(BenchDataset data, boolean incremental) {
    Path dir = data.dir();
    long rows = data.totalRows();
    out.accept(String.format(Locale.ROOT, "bench rows=%d tenants=%d months=%d rows_per_month=%d dir=%s "
            + "cores=%d max_heap_mb=%d java=%s tenant_parallelism=%d", rows, data.tenants().size(), data.tenants().get(0).spec().months(),
        data.tenants().get(0).spec().rowsPerMonth(), dir, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"), tenantParallelism));
    Phase.Counters jobs = new Phase.Counters(sparkJobs, new DeltaCommitCounter(dir));
    List<Phase> phases = new ArrayList<>();
    Phase generate = Phase.measure("generate", rows, jobs, () -> data.generate(spark, out)).phase();
    report(phases, generate);

    FloorCopy floorCopy = new FloorCopy(spark);
    // Warm-up (not measured): the JVM's first Delta write pays class loading and JIT for every phase.
    floorCopy.warmUp(data.tenants().get(0), dir.resolve("floor-warmup"));
    Phase floor = floor("floor", floorCopy, data, jobs);
    report(phases, floor);

    BenchDirs.delete(dir.resolve("lake"));
    String lakeRoot = dir.resolve("lake").toUri().toString();
    GeneratorSpec first = data.tenants().get(0).spec();
    YearMonth latest = first.firstPeriod().plusMonths(first.months() - 1L);
    PipelineBench pipelineBench = new PipelineBench(spark, rules, tenantParallelism, jobs, out);
    List<Phase> pipelinePhases = pipelineBench.run("pipeline", lakeRoot, data.configs(), rows, latest, false);
    pipelinePhases.forEach(phase -> report(phases, phase));
    Phase pipeline = pipelinePhases.get(pipelinePhases.size() - 1);

    Phase floorAfter = floor("floor.after", floorCopy, data, jobs);
    report(phases, floorAfter);
    double fastestFloor = Math.min(floor.seconds(), floorAfter.seconds());

    List<CostTotals> reference = new ArrayList<>();
    Phase duckdb;
    try (DuckDbReference duck = new DuckDbReference(duckDbThreads)) {
      duckdb = Phase.run("duckdb", rows, jobs, () -> data.tenants().forEach(tenant -> reference.add(
          duck.fctCostDaily(tenant, dir.resolve("duckdb").resolve(tenant.config().id() + "_fct_cost_daily.parquet")))));
    }
    report(phases, duckdb);
    PipelineTotals totals = new PipelineTotals(spark, lakeRoot);
    List<CostTotals> curated = new ArrayList<>();
    long quarantined = 0;
    for (int i = 0; i < data.tenants().size(); i++) {
      String tenant = data.tenants().get(i).config().id();
      CostTotals mine = totals.fctCostDaily(tenant);
      curated.add(mine);
      quarantined += totals.quarantined(tenant);
      CostTotals theirs = reference.get(i);
      out.accept("bench check tenant=" + tenant + " fct_cost_daily_rows pipeline=" + mine.rows() + " duckdb="
          + theirs.rows() + " line_items pipeline=" + mine.lineItems() + " duckdb=" + theirs.lineItems()
          + " unblended_usd pipeline=" + mine.unblendedUsd() + " duckdb=" + theirs.unblendedUsd()
          + " amortized_usd pipeline=" + mine.amortizedUsd() + " duckdb=" + theirs.amortizedUsd()
          + " match=" + mine.matches(theirs));
    }
    out.accept("bench check quarantined_rows=" + quarantined + " (the generator's rows are all valid)");

    double rerunOverSingle = Double.NaN;
    if (incremental) {
      IncrementalBench.Result result = new IncrementalBench(spark, pipelineBench, out)
          .run(data.tenants().get(0), lakeRoot, dir);
      result.rerun().forEach(phase -> report(phases, phase));
      result.single().forEach(phase -> report(phases, phase));
      rerunOverSingle = result.ratio();
    }
    Report report = new Report(phases, curated, reference, quarantined, pipeline.seconds() / fastestFloor,
        pipeline.seconds() / duckdb.seconds(), rerunOverSingle);
    out.accept(String.format(Locale.ROOT, "bench ratio pipeline/floor=%.2f goal<=2.0 floor_seconds=%.1f "
            + "(the faster of floor=%.1f and floor.after=%.1f; pipeline/floor.before=%.2f pipeline/floor.after=%.2f)",
        report.pipelineOverFloor(), fastestFloor, floor.seconds(), floorAfter.seconds(),
        pipeline.seconds() / floor.seconds(), pipeline.seconds() / floorAfter.seconds()));
    out.accept(String.format(Locale.ROOT, "bench ratio pipeline/duckdb=%.2f", report.pipelineOverDuckDb()));
    if (incremental) {
      out.accept(String.format(Locale.ROOT, "bench ratio rerun_one_month/single_month=%.2f goal<=1.3",
          rerunOverSingle));
    }
    out.accept("bench totals_match=" + report.totalsMatch());
    return report;
  }

  /** The floor phase {@code name}: every tenant's raw data copied to Delta under {@code <dir>/floor}, cleared first. */
  private static Phase floor(String name, FloorCopy floorCopy, BenchDataset data, Phase.Counters jobs) {
    Path target = data.dir().resolve("floor");
    BenchDirs.delete(target);
    return Phase.run(name, data.totalRows(), jobs, () -> data.tenants().forEach(tenant ->
        floorCopy.copy(tenant, target.resolve(tenant.config().id()))));
  }

  private void report(List<Phase> phases, Phase phase) {
    phases.add(phase);
    out.accept(phase.line());
  }
}
