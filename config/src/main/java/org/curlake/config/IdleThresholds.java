package org.curlake.config;

/**
 * A tenant's thresholds for the idle-resource rules ({@code fct_idle_resources}); every one has a
 * default, so the {@code idle:} block and each of its keys are optional.
 *
 * @param natMinGbPerMonth a NAT gateway processing less than this (GB, scaled to a 730-hour month) is idle
 * @param lbMinLcuHoursPerMonth a load balancer using fewer LCU-hours than this (scaled to a month) is idle
 * @param ebsMinDaysWithoutInstance a volume charged on at least this many days with no EC2 instance
 *     usage in its account and availability zone is flagged as unattached
 * @param snapshotMaxAgeDays a snapshot first seen more than this many days before the as-of date is old
 * @param minMonthlyWasteUsd findings whose estimated monthly waste is below this are not reported
 */
public record IdleThresholds(double natMinGbPerMonth, double lbMinLcuHoursPerMonth, int ebsMinDaysWithoutInstance,
    int snapshotMaxAgeDays, double minMonthlyWasteUsd) {

  public static final IdleThresholds DEFAULTS = new IdleThresholds(1.0, 10.0, 7, 90, 1.0);

  public IdleThresholds {
    requireFinite("nat_min_gb_per_month", natMinGbPerMonth);
    requireFinite("lb_min_lcu_hours_per_month", lbMinLcuHoursPerMonth);
    requireFinite("min_monthly_waste_usd", minMonthlyWasteUsd);
    if (ebsMinDaysWithoutInstance < 1 || ebsMinDaysWithoutInstance > 31) {
      throw new InvalidFieldException("ebs_min_days_without_instance",
          "must be between 1 and 31 (got " + ebsMinDaysWithoutInstance + ")");
    }
    if (snapshotMaxAgeDays < 1 || snapshotMaxAgeDays > 3650) {
      throw new InvalidFieldException("snapshot_max_age_days", "must be between 1 and 3650 (got " + snapshotMaxAgeDays + ")");
    }
  }

  static void requireFinite(String field, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0 || value > 1e9) {
      throw new InvalidFieldException(field, "must be a finite number between 0 and 1e9 (got " + value + ")");
    }
  }
}
