package org.curlake.jobs.cli;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.curlake.config.NotificationsConfig;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.quality.CheckJob;
import org.curlake.jobs.quality.CheckReport;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.jobs.spark.TenantParallelism;
import org.curlake.quality.QualityRulesLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lakehouse check}: data-quality checks and freshness SLAs. Exit 1 when a check failed (or,
 * with --fail-on-breach, when a tenant breached its SLA).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Run the data-quality checks (Deequ) and freshness SLAs; record dq_results and sla_status.")
public final class CheckCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;
  @Mixin SparkOptions spark;

  @Mixin TenantSelection selection;

  @Option(names = "--as-of", description = "Reference time for the freshness SLA, ISO-8601 (default: now).")
  Instant asOf;

  @Option(names = "--webhook", description = "Webhook URL for alerts (default: config/notifications.yaml).")
  URI webhook;

  @Option(names = "--fail-on-breach", description = "Exit 1 when a tenant breaches its freshness SLA.")
  boolean failOnBreach;

  @Option(names = "--tenant-parallelism", defaultValue = "" + TenantParallelism.DEFAULT,
      description = "Tenants checked at a time, each in a Spark session of its own (default: ${DEFAULT-VALUE}).")
  int tenantParallelism;

  @Override
  public Integer call() {
    List<TenantConfig> selected = selection.tenants(lake.tenants());
    NotificationsConfig notifications = NotificationsConfig.load(lake.configDir);
    WebhookNotifier notifier = new WebhookNotifier(Optional.ofNullable(webhook).or(notifications::webhookUrl),
        Duration.ofSeconds(notifications.timeoutSeconds()));
    CheckReport report = new CheckJob(spark.session("curlake-check", lake.storage()), lake.lakeRoot().hadoopPath(),
        new QualityRulesLoader(lake.configDir).load().checks(), notifier, System.out::println, tenantParallelism)
        .run(selected, selection.period(), asOf == null ? Instant.now() : asOf);
    System.out.printf("check run_id=%s results=%d failed=%d sla_breaches=%d%n", report.runId(),
        report.results().size(), report.failures().size(), report.breaches().size());
    return !report.failures().isEmpty() || (failOnBreach && !report.breaches().isEmpty()) ? 1 : 0;
  }
}
