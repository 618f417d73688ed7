package org.curlake.api.insights;

import java.math.BigDecimal;

/** A paid-for resource that is (nearly) unused, with the rule that found it and its evidence. */
public record IdleResource(String billingPeriod, String ruleId, String resourceId, String accountId, String region,
    String usageType, BigDecimal costUsd, BigDecimal estimatedMonthlyWasteUsd, String evidenceMetric,
    Double evidenceValue, Double thresholdValue) {

  /** Most wasteful first; ties by period, rule, resource, account. */
  public static final java.util.Comparator<IdleResource> ORDER =
      java.util.Comparator.comparing(IdleResource::estimatedMonthlyWasteUsd).reversed()
          .thenComparing(IdleResource::billingPeriod).thenComparing(IdleResource::ruleId)
          .thenComparing(IdleResource::resourceId).thenComparing(IdleResource::accountId);
}
