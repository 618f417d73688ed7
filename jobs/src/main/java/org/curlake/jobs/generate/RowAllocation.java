package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import java.time.YearMonth;
import org.apache.spark.sql.Column;

/**
 * How one month's exact row count is spent. Row ids {@code [0, usageRows)} are usage line items,
 * in pairs (the two lines of a resource in one interval); the rest, in order: one RIFee per
 * reservation, one SavingsPlanRecurringFee per plan and fee step, one Tax per account and product
 * code, then credits. Fee, tax and credit rows get at most a tenth of the month; what does not fit
 * is left out (a plan whose fees do not fit covers no usage), so small months stay mostly usage.
 *
 * <p>Usage pairs are spread over {@code resourceGroups} resources: pair {@code p} is occurrence
 * {@code p / groups} of resource {@code p % groups}, which runs in interval
 * {@code (offset + occurrence * stride) % intervals}: a resource recurs across the month, never twice
 * in the same interval. The groups are sized on the spec's 31-day month, so a resource exists in
 * every month; at daily grain it runs every day.
 */
record RowAllocation(long rows, long usageRows, long resourceGroups, int occurrences, int stride,
    int computeReservations, int databaseReservations, int savingsPlans, int feeSteps, int feeStepHours,
    int taxRows, int creditRows) {

  RowAllocation {
    long fixed = (long) computeReservations + databaseReservations + (long) savingsPlans * feeSteps + taxRows
        + creditRows;
    if (rows < 1 || usageRows < 0 || usageRows % 2 != 0 || usageRows + fixed != rows) {
      throw new IllegalArgumentException("row allocation does not add up: " + usageRows + " usage + " + fixed
          + " other rows != " + rows);
    }
    if (usageRows > 0 && (resourceGroups < 1 || (long) occurrences * resourceGroups < usageRows / 2)) {
      throw new IllegalArgumentException("too few resource occurrences for " + usageRows + " usage rows");
    }
  }

  /**
   * @param rows this month's line items
   * @param longestMonthRows the line items of the spec's 31-day month: resources are sized on it, so
   *     every month of a spec has the same resources (a shorter month runs each on fewer days)
   */
  static RowAllocation plan(long rows, long longestMonthRows, BillingCalendar calendar, int accounts,
      int productCodes, int computeWanted, int databaseWanted, int plansWanted) {
    if (longestMonthRows < rows) {
      throw new IllegalArgumentException("the 31-day month's " + longestMonthRows + " rows are fewer than this month's "
          + rows);
    }
    Fixed fixed = Fixed.of(rows, calendar, accounts, productCodes, computeWanted, databaseWanted, plansWanted);
    BillingCalendar longest = new BillingCalendar(YearMonth.of(2000, 1), calendar.grain());
    long referencePairs = Fixed.of(longestMonthRows, longest, accounts, productCodes, computeWanted, databaseWanted,
        plansWanted).usage() / 2;
    long pairs = fixed.usage() / 2;
    long groups = 0;
    int occurrences = 0;
    int stride = 1;
    if (pairs > 0) {
      int intervals = calendar.intervals();
      int longestIntervals = longest.intervals();
      // At daily grain a resource runs every day of the month (a day-to-day steady bill, as real accounts
      // have); at hourly grain it runs a spread of about sqrt(pairs) / 4 hours, so hours vary.
      long target = calendar.intervalHours() >= 24 ? longestIntervals
          : Math.min(longestIntervals, Math.max(2, (long) Math.ceil(Math.sqrt(referencePairs) / 4)));
      // target never exceeds the longest month's intervals, so this many groups also fit in that month.
      groups = Math.max(ceilDiv(referencePairs, target), ceilDiv(pairs, intervals));
      occurrences = (int) ceilDiv(pairs, groups);
      stride = Math.max(1, intervals / occurrences);
    }
    return new RowAllocation(rows, fixed.usage(), groups, occurrences, stride, fixed.compute(), fixed.database(),
        fixed.plans(), fixed.steps(), fixed.stepHours(), fixed.tax(), fixed.credits());
  }

  /** The month's fee, tax and credit rows, and the usage rows left for the resources. */
  private record Fixed(int compute, int database, int plans, int steps, int stepHours, int tax, int credits,
      long usage) {
    static Fixed of(long rows, BillingCalendar calendar, int accounts, int productCodes, int computeWanted,
        int databaseWanted, int plansWanted) {
      long budget = rows / 10;
      int compute = (int) Math.min(computeWanted, budget);
      budget -= compute;
      int database = (int) Math.min(databaseWanted, budget);
      budget -= database;

      int plans = plansWanted;
      int steps;
      int stepHours;
      if ((long) plans * calendar.intervals() <= budget) {
        steps = calendar.intervals();
        stepHours = calendar.intervalHours();
      } else if ((long) plans * calendar.days() <= budget) {
        steps = calendar.days();
        stepHours = 24;
      } else if (plans <= budget) {
        steps = 1;
        stepHours = calendar.monthHours();
      } else {
        plans = 0;
        steps = 0;
        stepHours = calendar.monthHours();
      }
      budget -= (long) plans * steps;

      int tax = (long) accounts * productCodes <= budget ? accounts * productCodes : 0;
      budget -= tax;
      int credits = (int) Math.min(2, budget);

      long usage = rows - compute - database - (long) plans * steps - tax - credits;
      if (usage % 2 != 0) {
        credits++;
        usage--;
      }
      return new Fixed(compute, database, plans, steps, stepHours, tax, credits, usage);
    }
  }

  int reservations() {
    return computeReservations + databaseReservations;
  }

  long reservationFeeStart() {
    return usageRows;
  }

  long savingsPlanFeeStart() {
    return reservationFeeStart() + reservations();
  }

  long savingsPlanFeeRows() {
    return (long) savingsPlans * feeSteps;
  }

  long taxStart() {
    return savingsPlanFeeStart() + savingsPlanFeeRows();
  }

  long creditStart() {
    return taxStart() + taxRows;
  }

  /** Integer division of a non-negative row-id expression. */
  static Column quotient(Column dividend, long divisor) {
    return floor(dividend.divide(lit((double) divisor))).cast("long");
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
