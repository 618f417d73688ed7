package org.curlake.jobs.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.curlake.jobs.evaluate.EvaluateJob;
import org.curlake.jobs.evaluate.EvaluationPlan;
import org.curlake.jobs.evaluate.EvaluationReport;
import org.curlake.quality.QualityRulesLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lakehouse evaluate}: precision and recall of the analytics on synthetic tenants with injected truth. Exit 1 when a target is missed. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Generate synthetic tenants with injected anomalies and idle resources, run the pipeline, and print"
        + " anomaly precision/recall, idle-resource recall and false positives, and forecast MAPE against naive baselines.")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(names = "--config", defaultValue = "${env:CURLAKE_CONFIG:-config}",
      description = "Config directory (quality rules) (default: ${DEFAULT-VALUE}).")
  Path configDir;

  @Option(names = "--work", defaultValue = "target/evaluate",
      description = "Folder for the generated CUR, the truth and the lake; replaced on every run (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the tenants and injections (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--months", defaultValue = "4",
      description = "Billing periods per tenant, the first is history only (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--tenants", defaultValue = "3", description = "Synthetic tenants (default: ${DEFAULT-VALUE}).")
  int tenants;

  @Option(names = "--rows", defaultValue = "20000",
      description = "Line items per tenant in a 31-day month before injection; shorter months get proportionally"
          + " fewer (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--first-period", defaultValue = "2025-01", description = "First billing period (default: ${DEFAULT-VALUE}).")
  YearMonth firstPeriod;

  @Override
  public Integer call() {
    EvaluationReport report = new EvaluateJob(spark.session("curlake-evaluate", org.curlake.config.StorageConfig.DEFAULTS),
        new QualityRulesLoader(configDir).load().validity(), System.out::println)
        .run(new EvaluationPlan(seed, months, tenants, rows, firstPeriod), work);
    report.lines().forEach(System.out::println);
    return report.missedTargets().isEmpty() ? 0 : 1;
  }
}
