package org.curlake.jobs.cli;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.TenantConfig;
import org.curlake.config.Tenants;
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

  @Option(names = "--tenant", description = "Only this tenant (active or not).")
  String tenant;

  @Option(names = "--period", description = "Only this billing period, YYYY-MM.")
  String period;

  @Option(names = "--force", description = "Re-ingest deliveries already ingested unchanged.")
  boolean force;

  @Override
  public Integer call() {
    Tenants tenants = lake.tenants();
    List<TenantConfig> selected = tenant == null ? tenants.active() : List.of(tenants.require(tenant));
    Optional<BillingPeriod> onlyPeriod = Optional.ofNullable(period).map(BillingPeriod::parse);
    SparkSession session = spark.session("curlake-ingest");
    IngestReport report = new IngestJob(session, lake.lakeRoot().hadoopPath(), Clock.systemUTC(), force,
        run -> System.out.println(run.progressLine())).run(selected, onlyPeriod);
    System.out.printf("ingest run_id=%s periods=%d failed=%d%n", report.runId(), report.runs().size(),
        report.failed().size());
    return report.anyFailed() ? 1 : 0;
  }
}
