package org.curlake.api.insights;

import java.time.LocalDate;

/** One (account, region, usage type) cell that drove an anomaly, ranked by its share of the increase. */
public record AnomalyDriver(LocalDate usageDate, String productCode, int rank, String accountId, String region,
    String usageType, double actualCostUsd, double expectedCostUsd, double deltaUsd, Double contributionPct) {

  /** Newest anomaly first, then by product code and rank. */
  public static final java.util.Comparator<AnomalyDriver> ORDER =
      java.util.Comparator.comparing(AnomalyDriver::usageDate).reversed().thenComparing(AnomalyDriver::productCode)
          .thenComparingInt(AnomalyDriver::rank);
}
