package org.curlake.jobs.cli;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.NotificationsConfig;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.analytics.ForecastAccuracy;
import org.curlake.jobs.analytics.ForecastBacktest;
import org.curlake.jobs.analytics.AnalyticsJob;
import org.curlake.jobs.analytics.AnalyticsRun;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.jobs.spark.TenantParallelism;
import org.curlake.quality.QualityRulesLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lakehouse analytics}: idle resources, budget status, cost anomalies. Exit 1 when any tenant failed. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
    description = "Idle resources, budget status and cost anomalies of a billing period as of a date.")
public final class AnalyticsCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;
  @Mixin SparkOptions spark;

  @Mixin TenantSelection selection;

  @Option(names = "--as-of", description = "Reference date, YYYY-MM-DD: data after it is ignored (default: today, UTC)."
      + " The period defaults to its month.")
  LocalDate asOf;

  @Option(names = "--webhook", description = "Webhook URL for budget alerts (default: config/notifications.yaml).")
  URI webhook;

  @Option(names = "--backtest", description = "Then backtest the forecast on each tenant's history"
      + " (marts.fct_forecast_backtest) and print its MAPE against the naive baselines.")
  boolean backtest;

  @Option(names = "--tenant-parallelism", defaultValue = "" + TenantParallelism.DEFAULT,
      description = "Tenants analysed at a time, each in a Spark session of its own (default: ${DEFAULT-VALUE}).")
  int tenantParallelism;

  @Override
  public Integer call() {
    NotificationsConfig notifications = NotificationsConfig.load(lake.configDir);
    WebhookNotifier notifier = new WebhookNotifier(Optional.ofNullable(webhook).or(notifications::webhookUrl),
        Duration.ofSeconds(notifications.timeoutSeconds()));
    SparkSession session = spark.session("curlake-analytics", lake.storage());
    List<TenantConfig> tenants = selection.tenants(lake.tenants());
    List<AnalyticsRun> runs = new AnalyticsJob(session, lake.lakeRoot().hadoopPath(),
        new QualityRulesLoader(lake.configDir).load().validity(), notifier, run -> System.out.println(run.progressLine()),
        tenantParallelism)
        .run(tenants, selection.period(), asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf);
    if (backtest) {
      ForecastBacktest backtests = new ForecastBacktest(session, lake.lakeRoot().hadoopPath());
      for (TenantConfig tenant : tenants) {
        ForecastAccuracy.byHorizon(backtests.run(tenant.id()))
            .forEach(accuracy -> System.out.println(accuracy.line("backtest tenant=" + tenant.id())));
      }
    }
    long failed = runs.stream().filter(AnalyticsRun::failed).count();
    System.out.printf("analytics runs=%d failed=%d%n", runs.size(), failed);
    return failed > 0 ? 1 : 0;
  }
}
