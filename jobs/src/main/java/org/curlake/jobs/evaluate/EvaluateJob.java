package org.curlake.jobs.evaluate;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.AnomalyConfig;
import org.curlake.config.IdleThresholds;
import org.curlake.config.SourceConfig;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.analytics.AnalyticsJob;
import org.curlake.jobs.analytics.AnalyticsRun;
import org.curlake.jobs.analytics.ForecastAccuracy;
import org.curlake.jobs.analytics.ForecastBacktest;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.CurateRun;
import org.curlake.jobs.evaluate.EvaluationPlan.TenantCase;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.quality.ValidityRule;

/**
 * Measures the analytics against injected ground truth: generates the plan's synthetic tenants
 * (with their injections) under {@code <work>/landing}, writes the truth to {@code <work>/truth},
 * runs the real pipeline (ingest, curate, analytics of every evaluated period as of its last day,
 * forecast backtest) into {@code <work>/lake}, and scores anomalies, idle resources and the
 * forecast. The work folder's landing, lake and truth are replaced on every run.
 */
public final class EvaluateJob {
  /** Snapshot age limit of the evaluation tenants: the old snapshot is from the first period, the recent one from the last. */
  static final IdleThresholds IDLE = new IdleThresholds(1.0, 10.0, 7, 30, 1.0);

  private final SparkSession spark;
  private final List<ValidityRule> validityRules;
  private final Consumer<String> progress;

  public EvaluateJob(SparkSession spark, List<ValidityRule> validityRules, Consumer<String> progress) {
    this.spark = spark;
    this.validityRules = List.copyOf(validityRules);
    this.progress = progress;
  }

  public EvaluationReport run(EvaluationPlan plan, Path work) {
    long started = System.nanoTime();
    Path root = work.toAbsolutePath().normalize();
    for (String folder : List.of("landing", "lake", "truth")) {
      deleteTree(root.resolve(folder));
    }
    String lakeRoot = root.resolve("lake").toString();
    List<TenantCase> cases = plan.cases();
    List<TenantConfig> tenants = new ArrayList<>();
    GenerateJob generator = new GenerateJob(spark);
    for (TenantCase c : cases) {
      SourceLocation landing = SourceLocation.parse("path", root.resolve("landing").resolve(c.tenantId()).toString(), root);
      generator.run(c.spec(), c.injection(), landing, out -> progress.accept(out.progressLine()));
      tenants.add(new TenantConfig(c.tenantId(), c.tenantId(), true,
          new SourceConfig(landing, Optional.of(c.spec().format()), 24), Map.of(), List.of(), Optional.empty(), IDLE,
          AnomalyConfig.DEFAULTS));
    }
    GroundTruth truth = GroundTruth.of(cases, plan.evaluatedPeriods());
    truth.write(root.resolve("truth"));

    if (new IngestJob(spark, lakeRoot, Clock.systemUTC(), false, r -> progress.accept(r.progressLine()))
        .run(tenants, Optional.empty()).anyFailed()) {
      throw new IllegalStateException("evaluation: ingest failed (see the lines above)");
    }
    List<CurateRun> curated = new CurateJob(spark, lakeRoot, validityRules, false,
        r -> progress.accept(r.progressLine())).run(tenants, Optional.empty());
    if (curated.stream().anyMatch(CurateRun::failed)) {
      throw new IllegalStateException("evaluation: curate failed (see the lines above)");
    }
    AnalyticsJob analytics = new AnalyticsJob(spark, lakeRoot, validityRules, WebhookNotifier.disabled(),
        r -> progress.accept(r.progressLine()));
    for (YearMonth period : plan.evaluatedPeriods()) {
      List<AnalyticsRun> runs = analytics.run(tenants, Optional.of(new BillingPeriod(period)), period.atEndOfMonth());
      runs.stream().filter(AnalyticsRun::failed).findFirst().ifPresent(r -> {
        throw new IllegalStateException("evaluation: " + r.error());
      });
    }

    PartitionWriter lake = new PartitionWriter(spark, lakeRoot);
    List<AnomalyScore.Detection> detections = new ArrayList<>();
    for (Row r : lake.read(LakeTable.FCT_COST_ANOMALIES).orElseThrow().where(col("is_anomaly"))
        .select("tenant_id", "product_code", "usage_date").collectAsList()) {
      detections.add(new AnomalyScore.Detection(r.getString(0), r.getString(1), r.getDate(2).toLocalDate()));
    }
    String lastPeriod = plan.evaluatedPeriods().get(plan.evaluatedPeriods().size() - 1).toString();
    List<IdleScore.Finding> findings = new ArrayList<>();
    for (Row r : lake.read(LakeTable.FCT_IDLE_RESOURCES).orElseThrow().where(col("billing_period").equalTo(lastPeriod))
        .select("tenant_id", "rule_id", "resource_id").collectAsList()) {
      findings.add(new IdleScore.Finding(r.getString(0), r.getString(1), r.getString(2)));
    }
    ForecastBacktest backtest = new ForecastBacktest(spark, lakeRoot);
    List<ForecastBacktest.BacktestRow> backtested = new ArrayList<>();
    for (TenantConfig tenant : tenants) {
      backtested.addAll(backtest.run(tenant.id()));
    }
    reportMismatches(truth, detections, findings);
    return new EvaluationReport(AnomalyScore.score(truth.events(), detections), IdleScore.score(truth.resources(),
        findings), ForecastAccuracy.byHorizon(backtested),
        ForecastAccuracy.of("calm", backtested.stream().filter(truth::calm).toList()), (System.nanoTime() - started) / 1e9);
  }

  /** One line per missed event, unmatched detection, missed idle resource and flagged healthy one. */
  private void reportMismatches(GroundTruth truth, List<AnomalyScore.Detection> detections,
      List<IdleScore.Finding> findings) {
    for (AnomalyScore.Injected event : truth.events()) {
      if (detections.stream().noneMatch(event::covers)) {
        progress.accept("evaluate missed_event tenant=" + event.tenantId() + " event=" + event.event());
      }
    }
    for (AnomalyScore.Detection detection : detections) {
      if (truth.events().stream().noneMatch(e -> e.covers(detection))) {
        progress.accept("evaluate unmatched_detection " + detection);
      }
    }
    for (IdleScore.Injected resource : truth.resources()) {
      List<String> rules = findings.stream().filter(f -> f.tenantId().equals(resource.tenantId())
          && f.resourceId().equals(resource.resource().resourceId())).map(IdleScore.Finding::ruleId).toList();
      boolean idle = resource.resource().kind().idle();
      if (idle ? !rules.contains(resource.resource().kind().expectedRule()) : !rules.isEmpty()) {
        progress.accept("evaluate idle_mismatch tenant=" + resource.tenantId() + " " + resource.resource()
            + " findings=" + rules);
      }
    }
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + folder, e);
    }
  }
}
