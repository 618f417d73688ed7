package org.curlake.jobs.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.CurateRun;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.quality.QualityRulesLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lakehouse curate}: bronze into the marts via the SQL models. Exit 1 when any period failed. */
@Command(name = "curate", mixinStandardHelpOptions = true,
    description = "Curate bronze into the cost marts (SQL models), quarantining invalid rows.")
public final class CurateCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;
  @Mixin SparkOptions spark;

  @Mixin TenantSelection selection;

  @Option(names = "--force", description = "Curate periods whose inputs did not change since their last curation.")
  boolean force;

  @Override
  public Integer call() {
    List<TenantConfig> selected = selection.tenants(lake.tenants());
    List<CurateRun> runs = new CurateJob(spark.session("curlake-curate", lake.storage()), lake.lakeRoot().hadoopPath(),
        new QualityRulesLoader(lake.configDir).load().validity(), force, run -> System.out.println(run.progressLine()))
        .run(selected, selection.period());
    long failed = runs.stream().filter(CurateRun::failed).count();
    System.out.printf("curate runs=%d failed=%d%n", runs.size(), failed);
    return failed > 0 ? 1 : 0;
  }
}
