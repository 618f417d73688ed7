package org.curlake.api.cost;

import java.math.BigDecimal;

/** A billing period's cost with the change against the previous calendar month (null when that month has no cost). */
public record MonthlyCost(String billingPeriod, BigDecimal cost, BigDecimal previousCost, BigDecimal change,
    BigDecimal changePct) {}
