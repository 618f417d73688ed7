package org.curlake.jobs.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A tenant's fct_cost_daily totals, as the pipeline or the DuckDB reference computed them.
 *
 * @param rows fct_cost_daily rows (one per day and grouping key)
 * @param lineItems the line items they sum up
 * @param unblendedUsd total unblended cost
 * @param amortizedUsd total amortized cost
 */
public record CostTotals(String tenantId, long rows, long lineItems, BigDecimal unblendedUsd, BigDecimal amortizedUsd) {
  public CostTotals {
    unblendedUsd = cents(unblendedUsd);
    amortizedUsd = cents(amortizedUsd);
  }

  /** Same rows, line items and costs to the cent. */
  public boolean matches(CostTotals other) {
    return rows == other.rows && lineItems == other.lineItems && unblendedUsd.equals(other.unblendedUsd)
        && amortizedUsd.equals(other.amortizedUsd);
  }

  private static BigDecimal cents(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_EVEN);
  }
}
