package org.curlake.jobs.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.analytics.AnalyticsJob;
import org.curlake.jobs.analytics.AnalyticsRun;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.CurateRun;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.ingest.IngestReport;
import org.curlake.jobs.quality.CheckJob;
import org.curlake.jobs.quality.CheckReport;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.quality.QualityRules;

/**
 * The pipeline as the benchmark runs it: ingest, curate, check and analytics over one lake, each step
 * a measured {@link Phase}. Ingest and curate run over every period (skipping what did not change);
 * check and analytics over every period or only the one given. A failed step fails the benchmark:
 * figures of a broken run would mean nothing.
 */
final class PipelineBench {
  private final SparkSession spark;
  private final QualityRules rules;
  private final Consumer<String> progress;
  private final Phase.Counters jobs;
  private final int tenantParallelism;

  PipelineBench(SparkSession spark, QualityRules rules, int tenantParallelism, Phase.Counters jobs,
      Consumer<String> progress) {
    this.spark = spark;
    this.tenantParallelism = tenantParallelism;
    this.jobs = jobs;
    this.rules = rules;
    this.progress = progress;
  }

  /**
   * @param name the phase name prefix, e.g. {@code pipeline}
   * @param rows the line items the run processes (for rows/s)
   * @param latest each tenant's latest period, analysed as of its last day (and checked, when
   *     {@code onlyPeriod} is set)
   */
  List<Phase> run(String name, String lakeRoot, List<TenantConfig> tenants, long rows, YearMonth latest,
      boolean onlyLatest) {
    Optional<BillingPeriod> period = Optional.of(BillingPeriod.parse(latest.toString()));
    List<Phase> phases = new ArrayList<>();
    phases.add(Phase.run(name + ".ingest", rows, jobs, () -> {
      IngestReport report = new IngestJob(spark, lakeRoot, Clock.systemUTC(), false,
          run -> progress.accept(run.progressLine())).run(tenants, Optional.empty());
      require(!report.anyFailed(), "ingest failed: " + report.failed());
    }));
    phases.add(Phase.run(name + ".curate", rows, jobs, () -> {
      List<CurateRun> runs = new CurateJob(spark, lakeRoot, rules.validity(), false,
          run -> progress.accept(run.progressLine())).run(tenants, Optional.empty());
      require(runs.stream().noneMatch(CurateRun::failed), "curate failed: " + runs);
    }));
    Instant referenceTime = latest.plusMonths(1).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC);
    phases.add(Phase.run(name + ".check", rows, jobs, () -> {
      CheckReport report = new CheckJob(spark, lakeRoot, rules.checks(), WebhookNotifier.disabled(), line -> { },
          tenantParallelism)
          .run(tenants, onlyLatest ? period : Optional.empty(), referenceTime);
      report.failures().forEach(failure -> progress.accept(failure.progressLine()));
      progress.accept(name + " check results=" + report.results().size() + " failed=" + report.failures().size());
    }));
    phases.add(Phase.run(name + ".analytics", rows, jobs, () -> {
      List<AnalyticsRun> runs = new AnalyticsJob(spark, lakeRoot, rules.validity(), WebhookNotifier.disabled(),
          run -> progress.accept(run.progressLine()), tenantParallelism).run(tenants, period, latest.atEndOfMonth());
      require(runs.stream().noneMatch(AnalyticsRun::failed), "analytics failed: " + runs);
    }));
    phases.add(Phase.total(name, phases));
    return phases;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException("bench: " + message);
    }
  }
}
