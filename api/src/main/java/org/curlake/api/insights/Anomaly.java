package org.curlake.api.insights;

import java.time.LocalDate;

/** A service's cost on one day against its seasonal baseline. */
public record Anomaly(LocalDate usageDate, String productCode, String serviceName, double actualCostUsd,
    double expectedCostUsd, double impactUsd, double score, boolean anomaly) {

  /** Newest first, then by impact, then by product code. */
  public static final java.util.Comparator<Anomaly> ORDER = java.util.Comparator.comparing(Anomaly::usageDate).reversed()
      .thenComparing(java.util.Comparator.comparingDouble(Anomaly::impactUsd).reversed())
      .thenComparing(Anomaly::productCode);
}
