package org.curlake.api.quality;

import java.time.Instant;

/** One data-quality check result of the tenant's latest check run. */
public record DqCheck(Instant checkedAt, String billingPeriod, String checkId, String tableName, String metric,
    String status, Double value, double threshold, String message) {

  /** By period, check, table and metric. */
  public static final java.util.Comparator<DqCheck> ORDER =
      java.util.Comparator.comparing((DqCheck c) -> java.util.Objects.toString(c.billingPeriod(), ""))
          .thenComparing(DqCheck::checkId).thenComparing(DqCheck::tableName).thenComparing(DqCheck::metric);
}
