package org.curlake.jobs.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's data freshness against its SLA, as of a reference time: a row of {@code sla_status}.
 * Lag is the hours between the reference time and the newest usage start in the latest billing
 * period; the tenant is in BREACH when the lag exceeds its {@code freshness_sla_hours}, or when it
 * has no data at all.
 *
 * @param runId the check run
 * @param tenantId the tenant
 * @param referenceTime the run's reference time (passed in, never read from a clock inside the rule)
 * @param latestPeriod the latest billing period with data, or null
 * @param latestUsageStart the newest usage start in it, or null
 * @param lagHours the lag, or null without data
 * @param slaHours the tenant's SLA
 * @param status OK or BREACH
 */
public record SlaStatus(
    String runId, String tenantId, Instant referenceTime, String latestPeriod, Instant latestUsageStart,
    Double lagHours, int slaHours, Status status) {

  /** Whether the tenant meets its freshness SLA. */
  public enum Status { OK, BREACH }

  public static SlaStatus evaluate(String runId, String tenantId, int slaHours, Instant referenceTime,
      Optional<String> latestPeriod, Optional<Instant> latestUsageStart) {
    if (latestUsageStart.isEmpty()) {
      return new SlaStatus(runId, tenantId, referenceTime, latestPeriod.orElse(null), null, null, slaHours,
          Status.BREACH);
    }
    double lag = Duration.between(latestUsageStart.get(), referenceTime).toSeconds() / 3600.0;
    return new SlaStatus(runId, tenantId, referenceTime, latestPeriod.orElse(null), latestUsageStart.get(), lag,
        slaHours, lag > slaHours ? Status.BREACH : Status.OK);
  }

  public String progressLine() {
    return String.format(java.util.Locale.ROOT, "sla tenant=%s status=%s lag_hours=%s sla_hours=%d latest_period=%s",
        tenantId, status, lagHours == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", lagHours),
        slaHours, latestPeriod == null ? "-" : latestPeriod);
  }
}
