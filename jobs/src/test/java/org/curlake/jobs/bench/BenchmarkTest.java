package org.curlake.jobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.spark.TenantParallelism;
import org.curlake.quality.QualityRulesLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark end to end at tiny scale: every phase runs, and DuckDB's fct_cost_daily, computed
 * from the raw Parquet, has the pipeline's rows, line items and costs to the cent. No timing is
 * asserted: the figures come from {@code ./lakehouse bench}.
 */
class BenchmarkTest {
  @TempDir Path dir;

  @Test
  void runsEveryPhaseAndTheDuckDbReferenceMatchesThePipelineToTheCent() {
    BenchDataset data = BenchDataset.plan(dir, 2_400, 2, 2, 11);
    List<String> lines = new ArrayList<>();
    Benchmark.Report report = new Benchmark(SharedSpark.session(),
        new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load(), 1, TenantParallelism.DEFAULT,
        lines::add).run(data, true);

    assertTrue(report.totalsMatch(), String.join("\n", lines));
    assertEquals(2, report.duckdb().size());
    for (CostTotals totals : report.duckdb()) {
      assertTrue(totals.lineItems() == 1_200 && totals.unblendedUsd().compareTo(BigDecimal.ZERO) > 0,
          "DuckDB summed every generated line item of " + totals);
    }
    List<String> phases = report.phases().stream().map(Phase::name).toList();
    for (String phase : List.of("floor", "floor.after", "pipeline.ingest", "pipeline.curate", "pipeline.check", "pipeline.analytics",
        "pipeline", "duckdb", "incremental.rerun_one_month", "incremental.single_month")) {
      assertTrue(phases.contains(phase), phase + " measured: " + phases);
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("bench ratio pipeline/floor=")), String.join("\n", lines));
    double pipeline = seconds(report, "pipeline");
    double fastestFloor = Math.min(seconds(report, "floor"), seconds(report, "floor.after"));
    assertEquals(pipeline / fastestFloor, report.pipelineOverFloor(), 1e-9,
        "the goal ratio divides by the faster of the two floors");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("bench ratio rerun_one_month/single_month=")));
    assertTrue(Double.isFinite(report.rerunOverSingle()) && report.rerunOverSingle() > 0);
  }

  private static double seconds(Benchmark.Report report, String phase) {
    return report.phases().stream().filter(p -> p.name().equals(phase)).findFirst().orElseThrow().seconds();
  }
}
