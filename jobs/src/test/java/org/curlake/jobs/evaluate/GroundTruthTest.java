package org.curlake.jobs.evaluate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.curlake.jobs.analytics.ForecastBacktest.BacktestRow;
import org.curlake.jobs.generate.CostEvent;
import org.junit.jupiter.api.Test;

/** Which backtested forecasts count as calm: no injected change in their history window or target month. */
class GroundTruthTest {
  private static final GroundTruth TRUTH = new GroundTruth(List.of(new AnomalyScore.Injected("acme",
      new CostEvent(CostEvent.Kind.LEVEL_SHIFT, "AmazonS3", LocalDate.of(2025, 2, 12), 1, 2.0))), List.of());

  private static BacktestRow forecast(String tenant, String target, String asOf) {
    return new BacktestRow(tenant, target, "month_end", LocalDate.parse(asOf), 7, 100, 100, 90, 110, 100, 100);
  }

  @Test
  void aForecastWhoseTargetMonthHoldsAChangeIsNotCalm() {
    assertFalse(TRUTH.calm(forecast("acme", "2025-02", "2025-02-07")), "the shift starts after the as-of date");
    assertFalse(TRUTH.calm(forecast("acme", "2025-02", "2025-01-31")), "next month's forecast of February");
  }

  @Test
  void aChangeInsideTheHistoryWindowIsNotCalmEither() {
    assertFalse(TRUTH.calm(forecast("acme", "2025-03", "2025-03-07")), "Feb 12 is within the 28 days to Mar 7");
    assertFalse(TRUTH.calm(forecast("acme", "2025-03", "2025-03-11")), "the 28 days to Mar 11 start on Feb 12");
    assertTrue(TRUTH.calm(forecast("acme", "2025-03", "2025-03-12")), "the 28 days to Mar 12 start on Feb 13");
  }

  @Test
  void otherTenantsAndLaterMonthsAreCalm() {
    assertTrue(TRUTH.calm(forecast("globex", "2025-02", "2025-02-07")));
    assertTrue(TRUTH.calm(forecast("acme", "2025-04", "2025-04-14")));
  }
}
