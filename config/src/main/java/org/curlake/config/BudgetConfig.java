package org.curlake.config;

import java.math.BigDecimal;

/**
 * A tenant's monthly budget.
 *
 * @param monthlyUsd the budget for one calendar month, in USD
 * @param warnPercent the share of the budget (forecast or actual) at which the status becomes WARN
 */
public record BudgetConfig(BigDecimal monthlyUsd, int warnPercent) {
  public BudgetConfig {
    if (monthlyUsd == null) {
      throw new InvalidFieldException("monthly_usd", "is required");
    }
    if (monthlyUsd.signum() <= 0) {
      throw new InvalidFieldException("monthly_usd", "must be > 0 (got " + monthlyUsd.toPlainString() + ")");
    }
    if (warnPercent < 1 || warnPercent > 100) {
      throw new InvalidFieldException("warn_percent", "must be between 1 and 100 (got " + warnPercent + ")");
    }
  }
}
