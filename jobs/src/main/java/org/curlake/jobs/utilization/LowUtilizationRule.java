package org.curlake.jobs.utilization;

import java.util.List;
import java.util.Locale;

/**
 * The Trusted Advisor "low utilization Amazon EC2 instances" rule: an instance whose daily CPU was
 * at most 10% and whose network I/O was at most 5 MB on at least 4 of the last 14 days. Days without
 * CloudWatch data never count as low. Pure: no clock, no I/O.
 */
public final class LowUtilizationRule {
  public static final int WINDOW_DAYS = 14;
  public static final double CPU_MAX_PCT = 10.0;
  /** 5 MB, decimal megabytes as CloudWatch reports bytes. */
  public static final double NETWORK_MAX_BYTES = 5_000_000.0;
  public static final int MIN_LOW_DAYS = 4;

  private LowUtilizationRule() {}

  /**
   * @param daysWithData days with both CPU and network datapoints
   * @param lowDays days at or under both thresholds
   * @param avgCpuPct average of the daily CPU averages (null without data)
   * @param maxCpuPct highest daily CPU average (null without data)
   * @param avgNetworkMb average daily network I/O in MB (null without data)
   * @param lowUtilization the finding: lowDays >= 4
   * @param evidence one readable line
   */
  public record Evaluation(String instanceId, int daysWithData, int lowDays, Double avgCpuPct, Double maxCpuPct,
      Double avgNetworkMb, boolean lowUtilization, String evidence) {}

  public static Evaluation evaluate(String instanceId, List<DailyUtilization> days) {
    List<DailyUtilization> measured = days.stream()
        .filter(d -> d.cpuAveragePct().isPresent() && d.networkBytes().isPresent()).toList();
    int low = (int) measured.stream().filter(d -> d.cpuAveragePct().getAsDouble() <= CPU_MAX_PCT
        && d.networkBytes().getAsDouble() <= NETWORK_MAX_BYTES).count();
    Double avgCpu = measured.isEmpty() ? null
        : measured.stream().mapToDouble(d -> d.cpuAveragePct().getAsDouble()).average().getAsDouble();
    Double maxCpu = measured.isEmpty() ? null
        : measured.stream().mapToDouble(d -> d.cpuAveragePct().getAsDouble()).max().getAsDouble();
    Double avgNetworkMb = measured.isEmpty() ? null
        : measured.stream().mapToDouble(d -> d.networkBytes().getAsDouble()).average().getAsDouble() / 1_000_000.0;
    boolean finding = low >= MIN_LOW_DAYS;
    String evidence = String.format(Locale.ROOT, "%d of %d days with CPU <= %.0f%% and network I/O <= 5 MB "
        + "(%d days with data; needs %d)", low, WINDOW_DAYS, CPU_MAX_PCT, measured.size(), MIN_LOW_DAYS);
    return new Evaluation(instanceId, measured.size(), low, avgCpu, maxCpu, avgNetworkMb, finding, evidence);
  }
}
