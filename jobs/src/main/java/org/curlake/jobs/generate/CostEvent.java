package org.curlake.jobs.generate;

import java.time.LocalDate;

/**
 * A change injected into one service's daily usage cost of a synthetic tenant: the usage line
 * items of {@code productCode} are scaled by {@link #factorOn} on each day (amount and cost, so the
 * rate is unchanged).
 *
 * @param kind what changes
 * @param productCode the service (line_item_product_code)
 * @param start the first changed day
 * @param days spike: days at {@code factor}; drift: days the ramp to {@code factor} takes; else unused
 * @param factor the multiplier at the height of the change (> 1)
 */
public record CostEvent(Kind kind, String productCode, LocalDate start, int days, double factor) {
  /** Days after a level shift or new service in which a detection counts: the detector's baseline needs two weeks. */
  public static final int SETTLING_DAYS = 14;
  /** Days after a drift's ramp in which a detection still counts. */
  public static final int DRIFT_GRACE_DAYS = 7;

  /** The kinds of injected change. */
  public enum Kind {
    /** factor x for {@code days} days, then back to normal. */
    SPIKE,
    /** factor x from {@code start} on. */
    LEVEL_SHIFT,
    /** The service costs nothing before {@code start} (factor 0), then its normal cost. */
    NEW_SERVICE,
    /** A linear ramp from 1x to factor x over {@code days} days, then factor x. */
    DRIFT
  }

  public CostEvent {
    if (kind == null || productCode == null || productCode.isBlank() || start == null) {
      throw new IllegalArgumentException("a cost event needs a kind, a product code and a start day");
    }
    if (days < 1 || factor <= 1) {
      throw new IllegalArgumentException("cost event " + kind + " on " + productCode + ": days must be >= 1 and factor > 1");
    }
  }

  /** The multiplier of the service's usage on {@code day}. */
  public double factorOn(LocalDate day) {
    long after = day.toEpochDay() - start.toEpochDay();
    return switch (kind) {
      case SPIKE -> after >= 0 && after < days ? factor : 1.0;
      case LEVEL_SHIFT -> after >= 0 ? factor : 1.0;
      case NEW_SERVICE -> after >= 0 ? 1.0 : 0.0;
      case DRIFT -> after < 0 ? 1.0 : 1.0 + (factor - 1.0) * Math.min(1.0, (after + 1) / (double) days);
    };
  }

  /** The last day on which a detection of this event is a true positive (the window starts at {@link #start}). */
  public LocalDate windowEnd() {
    return switch (kind) {
      case SPIKE -> start.plusDays(days - 1L);
      case LEVEL_SHIFT, NEW_SERVICE -> start.plusDays(SETTLING_DAYS - 1L);
      case DRIFT -> start.plusDays(days - 1L + DRIFT_GRACE_DAYS);
    };
  }

  /** The last day the cost differs from normal (for the generator; a level shift never ends). */
  LocalDate lastChangedDay(LocalDate horizon) {
    return kind == Kind.SPIKE ? start.plusDays(days - 1L) : horizon;
  }
}
