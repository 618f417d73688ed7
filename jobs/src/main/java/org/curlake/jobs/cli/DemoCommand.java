package org.curlake.jobs.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;
import org.curlake.config.Tenants;
import org.curlake.jobs.analytics.AnalyticsJob;
import org.curlake.jobs.analytics.AnalyticsRun;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.CurateRun;
import org.curlake.jobs.demo.DemoPlan;
import org.curlake.jobs.demo.DemoSummary;
import org.curlake.jobs.demo.ServeHandoff;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.ingest.IngestReport;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.quality.CheckJob;
import org.curlake.jobs.quality.CheckReport;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.quality.QualityRules;
import org.curlake.quality.QualityRulesLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lakehouse demo}: the whole pipeline on the embedded default. Generates the synthetic
 * tenants of config/demo.yaml, then ingests, curates, analyses (latest period) and checks every
 * active tenant (WorkshopCUR included) into the local lake, and prints per-tenant totals and table checksums. Running it twice
 * prints the same checksums. With {@code --serve}, the launcher then serves the API on the demo lake
 * ({@link ServeHandoff}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate sample tenants, then ingest, curate and check all tenants into the local lake.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;
  @Mixin SparkOptions spark;

  @Option(names = "--serve", description = "When the demo succeeded, serve the API and dashboards on the demo lake"
      + " (127.0.0.1, demo tokens printed) until Ctrl-C; started by ./lakehouse after this JVM exits (no Spark in the API).")
  boolean serve;

  @Option(names = "--port", defaultValue = "8080", description = "Port of --serve on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Override
  public Integer call() {
    Tenants tenants = lake.tenants();
    DemoPlan plan = DemoPlan.load(lake.configDir);
    QualityRules rules = new QualityRulesLoader(lake.configDir).load();
    String lakeRoot = lake.lakeRoot().hadoopPath();
    SparkSession session = spark.session("curlake-demo", lake.storage());

    GenerateJob generator = new GenerateJob(session);
    for (GeneratorSpec spec : plan.synthetic()) {
      SourceLocation target = tenants.require(spec.tenantId()).source().location();
      generator.run(spec, target, output -> System.out.println(output.progressLine()));
    }
    List<TenantConfig> active = tenants.active();
    IngestReport ingest = new IngestJob(session, lakeRoot, Clock.systemUTC(), false,
        run -> System.out.println(run.progressLine())).run(active, Optional.empty());
    List<CurateRun> curate = new CurateJob(session, lakeRoot, rules.validity(), false,
        run -> System.out.println(run.progressLine())).run(active, Optional.empty());
    List<AnalyticsRun> analytics = analyseLatestPeriods(session, lakeRoot, rules, active, curate);
    CheckReport check = new CheckJob(session, lakeRoot, rules.checks(), WebhookNotifier.disabled(),
        line -> { }).run(active, Optional.empty(), plan.referenceTime());
    check.sla().forEach(status -> System.out.println(status.progressLine()));
    System.out.printf("check results=%d failed=%d%n", check.results().size(), check.failures().size());
    check.failures().forEach(failure -> System.out.println(failure.progressLine()));
    DemoSummary.lines(new PartitionWriter(session, lakeRoot)).forEach(System.out::println);

    boolean failed = ingest.anyFailed() || curate.stream().anyMatch(CurateRun::failed)
        || analytics.stream().anyMatch(AnalyticsRun::failed) || !check.failures().isEmpty();
    System.out.println("demo " + (failed ? "FAILED" : "OK") + " lake=" + lake.lakeRoot());
    if (serve && !failed) {
      System.out.println(ServeHandoff.handOff(System.getenv(ServeHandoff.ENV),
          ServeHandoff.serveArguments(lake.lakeRoot().uri(), lake.configDir, port)));
    }
    return failed ? 1 : 0;
  }

  /** Analytics of each tenant's latest curated period, as of that period's last day. */
  private static List<AnalyticsRun> analyseLatestPeriods(SparkSession session, String lakeRoot, QualityRules rules,
      List<TenantConfig> tenants, List<CurateRun> curate) {
    AnalyticsJob job = new AnalyticsJob(session, lakeRoot, rules.validity(), WebhookNotifier.disabled(),
        run -> System.out.println(run.progressLine()));
    List<AnalyticsRun> runs = new java.util.ArrayList<>();
    for (TenantConfig tenant : tenants) {
      curate.stream().filter(r -> r.tenantId().equals(tenant.id()) && r.billingPeriod() != null)
          .map(r -> BillingPeriod.parse(r.billingPeriod())).max(java.util.Comparator.naturalOrder())
          .ifPresent(latest -> runs.addAll(job.run(List.of(tenant), Optional.of(latest),
              latest.month().atEndOfMonth())));
    }
    return runs;
  }
}
