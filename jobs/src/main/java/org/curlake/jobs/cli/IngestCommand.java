package org.curlake.jobs.cli;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.ingest.IngestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lakehouse ingest}: CUR deliveries of the active tenants into bronze. Exit 1 when any period failed. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingest each active tenant's CUR deliveries into the bronze Delta table.")
public final class IngestCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;
  @Mixin SparkOptions spark;

  @Mixin TenantSelection selection;

  @Option(names = "--force", description = "Re-ingest deliveries already ingested unchanged.")
  boolean force;

  @Override
  public Integer call() {
    List<TenantConfig> selected = selection.tenants(lake.tenants());
    Optional<BillingPeriod> onlyPeriod = selection.period();
    SparkSession session = spark.session("curlake-ingest", lake.storage());
    IngestReport report = new IngestJob(session, lake.lakeRoot().hadoopPath(), Clock.systemUTC(), force,
        run -> System.out.println(run.progressLine())).run(selected, onlyPeriod);
    System.out.printf("ingest run_id=%s periods=%d failed=%d%n", report.runId(), report.runs().size(),
        report.failed().size());
    return report.anyFailed() ? 1 : 0;
  }
}
