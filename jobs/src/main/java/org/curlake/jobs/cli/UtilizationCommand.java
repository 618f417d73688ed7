package org.curlake.jobs.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.curlake.config.CloudWatchConfig;
import org.curlake.jobs.utilization.UtilizationJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lakehouse utilization}: the optional CloudWatch enrichment. Exit 1 when any tenant failed. */
@Command(name = "utilization", mixinStandardHelpOptions = true,
    description = "Low-utilization EC2 instances from CloudWatch (tenants listed in config/cloudwatch.yaml only).")
public final class UtilizationCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;
  @Mixin SparkOptions spark;
  @Mixin TenantSelection selection;

  @Option(names = "--as-of", description = "Last day of the 14-day window, YYYY-MM-DD (default: today, UTC).")
  LocalDate asOf;

  @Override
  public Integer call() {
    LocalDate day = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
    selection.period().filter(p -> !p.month().equals(java.time.YearMonth.from(day))).ifPresent(p -> {
      throw new IllegalArgumentException("--period " + p + " is not the month of --as-of " + day
          + ": the window is the 14 days ending on the as-of date");
    });
    CloudWatchConfig config = CloudWatchConfig.load(lake.configDir.toAbsolutePath().normalize());
    List<UtilizationJob.UtilizationRun> runs = new UtilizationJob(spark.session("curlake-utilization", lake.storage()),
        lake.lakeRoot().hadoopPath(), config, run -> System.out.println(run.progressLine()))
        .run(selection.tenants(lake.tenants()), day);
    long failed = runs.stream().filter(r -> r.status().equals("FAILED")).count();
    System.out.printf("utilization runs=%d failed=%d%n", runs.size(), failed);
    return failed > 0 ? 1 : 0;
  }
}
