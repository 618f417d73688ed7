package org.curlake.jobs.cli;

import java.util.List;
import java.util.Optional;
import org.curlake.config.TenantConfig;
import org.curlake.config.Tenants;
import org.curlake.jobs.ingest.BillingPeriod;
import picocli.CommandLine.Option;

/** Which tenants and billing period a job runs on: every active tenant and period by default. */
public final class TenantSelection {
  @Option(names = "--tenant", description = "Only this tenant (active or not).")
  String tenant;

  @Option(names = "--period", description = "Only this billing period, YYYY-MM.")
  String period;

  public List<TenantConfig> tenants(Tenants configured) {
    return tenant == null ? configured.active() : List.of(configured.require(tenant));
  }

  public Optional<BillingPeriod> period() {
    return Optional.ofNullable(period).map(BillingPeriod::parse);
  }
}
