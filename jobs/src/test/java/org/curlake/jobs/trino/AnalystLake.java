package org.curlake.jobs.trino;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.analytics.AnalyticsJob;
import org.curlake.jobs.analytics.AnalyticsRun;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.CurateRun;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.lake.WorkshopLake;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.quality.QualityRulesLoader;

/**
 * A lake with two tenants for the Trino tests, built by the real jobs: the real WorkshopCUR (a copy of the
 * suite's shared {@link WorkshopLake}, four months ingested and curated) plus synthetic acme (legacy CUR, two
 * months) ingested and curated into the copy; then analysed on each tenant's last period. The tenant ids match config/trino/rules.json (globex there has a schema but no rows).
 */
record AnalystLake(Path root, List<Tenant> tenants) {
  /** A tenant of the lake and its last two billing periods. */
  record Tenant(TenantConfig config, String lastPeriod, String previousPeriod) {
    String id() {
      return config.id();
    }
  }

  static AnalystLake build(SparkSession spark, Path root, Path landing) throws IOException {
    WorkshopLake.copyTo(root);
    TenantConfig acme = generated(spark, landing, new GeneratorSpec("acme", SourceFormat.LEGACY_CUR, 11,
        YearMonth.of(2024, 1), 2, 2500, 4, Grain.DAILY));
    Tenant generated = new Tenant(acme, "2024-02", "2024-01");
    List<Tenant> tenants = List.of(generated, new Tenant(WorkshopLake.tenant(), "2018-12", "2018-11"));
    IngestJob ingest = new IngestJob(spark, root.toString(), Clock.systemUTC(), false, r -> { });
    for (String period : List.of(generated.previousPeriod(), generated.lastPeriod())) {
      ingest.run(List.of(acme), Optional.of(BillingPeriod.parse(period)));
    }
    var rules = new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load().validity();
    List<CurateRun> curated = new CurateJob(spark, root.toString(), rules, false, r -> { })
        .run(List.of(acme), Optional.empty());
    curated.stream().filter(CurateRun::failed).findFirst().ifPresent(failed -> {
      throw new IllegalStateException("curate failed: " + failed);
    });
    AnalyticsJob analytics = new AnalyticsJob(spark, root.toString(), rules,
        new WebhookNotifier(Optional.empty(), java.time.Duration.ofSeconds(5)), r -> { });
    for (Tenant tenant : tenants) {
      LocalDate asOf = YearMonth.parse(tenant.lastPeriod()).atEndOfMonth();
      AnalyticsRun run = analytics.run(List.of(tenant.config()), Optional.empty(), asOf).get(0);
      if (run.failed()) {
        throw new IllegalStateException("analytics failed: " + run.progressLine());
      }
    }
    return new AnalystLake(root, tenants);
  }

  private static TenantConfig generated(SparkSession spark, Path landing, GeneratorSpec spec) {
    SourceLocation location = SourceLocation.parse("path", landing.resolve(spec.tenantId()).toString(),
        TestTenants.projectRoot());
    new GenerateJob(spark).run(spec, location);
    return TestTenants.tenant(spec.tenantId(), landing.resolve(spec.tenantId()), Optional.empty());
  }

  /** The parameter values the analyst queries take for a tenant, by name. */
  static Map<String, Object> parameters(Tenant tenant) {
    return Map.of("billing_period", tenant.lastPeriod(), "previous_billing_period", tenant.previousPeriod());
  }
}
