package org.curlake.api.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts as the API shows them: summed exactly, then rounded half-up to the cent. */
public final class Money {
  private Money() {}

  public static BigDecimal usd(BigDecimal exact) {
    return (exact == null ? BigDecimal.ZERO : exact).setScale(2, RoundingMode.HALF_UP);
  }

  /** The change in percent, 2 decimals, or null when the previous amount is missing or zero. */
  public static BigDecimal changePct(BigDecimal current, BigDecimal previous) {
    if (previous == null || previous.signum() == 0) {
      return null;
    }
    return current.subtract(previous).multiply(BigDecimal.valueOf(100))
        .divide(previous.abs(), 2, RoundingMode.HALF_UP);
  }
}
