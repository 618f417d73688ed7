package org.curlake.api.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The summary KPIs as of a date: month to date, the whole previous month, and the budget view
 * (amortized, from budget_status; null when the tenant has no budget row for the month).
 */
public record CostSummary(String tenant, LocalDate asOf, String costType, BigDecimal monthToDate,
    BigDecimal lastMonth, BudgetView budget) {

  /** The month's budget status as the analytics job computed it on {@code asOfDate}. */
  public record BudgetView(String billingPeriod, LocalDate asOfDate, BigDecimal budgetUsd, BigDecimal monthToDateUsd,
      BigDecimal forecastUsd, double percentUsed, double forecastPercent, String status) {}
}
