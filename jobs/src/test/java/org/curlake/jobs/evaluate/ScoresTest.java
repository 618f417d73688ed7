package org.curlake.jobs.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.curlake.jobs.analytics.ForecastAccuracy;
import org.curlake.jobs.analytics.ForecastBacktest.BacktestRow;
import org.curlake.jobs.generate.CostEvent;
import org.curlake.jobs.generate.CostEvent.Kind;
import org.curlake.jobs.generate.InjectedResource;
import org.junit.jupiter.api.Test;

/** The scorers on hand-made truth and predictions, with the expected figures worked out by hand. */
class ScoresTest {
  private static final LocalDate D = LocalDate.of(2025, 3, 10);

  @Test
  void anomalyDetectionsMatchByTenantServiceAndEventWindow() {
    List<AnomalyScore.Injected> truth = List.of(
        new AnomalyScore.Injected("t1", new CostEvent(Kind.SPIKE, "AmazonEC2", D, 2, 3)),          // Mar 10-11
        new AnomalyScore.Injected("t1", new CostEvent(Kind.LEVEL_SHIFT, "AmazonRDS", D, 1, 2)),    // Mar 10-23
        new AnomalyScore.Injected("t1", new CostEvent(Kind.DRIFT, "AmazonS3", D, 10, 3)),          // Mar 10-26
        new AnomalyScore.Injected("t2", new CostEvent(Kind.NEW_SERVICE, "AmazonS3", D, 1, 2)));    // Mar 10-23
    List<AnomalyScore.Detection> detections = List.of(
        new AnomalyScore.Detection("t1", "AmazonEC2", D),                 // spike: TP
        new AnomalyScore.Detection("t1", "AmazonEC2", D.plusDays(1)),     // spike day 2: TP
        new AnomalyScore.Detection("t1", "AmazonEC2", D.plusDays(2)),     // after the spike: FP
        new AnomalyScore.Detection("t1", "AmazonRDS", D.plusDays(13)),    // last day of the shift window: TP
        new AnomalyScore.Detection("t2", "AmazonEC2", D),                 // other tenant's service: FP
        new AnomalyScore.Detection("t1", "AmazonS3", D.minusDays(1)));    // before the drift: FP
    AnomalyScore score = AnomalyScore.score(truth, detections);
    assertEquals(new AnomalyScore(4, 2, 6, 3), score);
    assertEquals(0.5, score.precision());
    assertEquals(0.5, score.recall());
    assertEquals(1.0, AnomalyScore.score(truth, List.of()).precision(), "nothing flagged, nothing wrong");
    assertEquals(0.0, AnomalyScore.score(truth, List.of()).recall());
  }

  @Test
  void idleFindingsMatchByResourceIdAndExpectedRule() {
    List<IdleScore.Injected> truth = List.of(
        new IdleScore.Injected("t1", new InjectedResource(InjectedResource.Kind.IDLE_ELASTIC_IP, "eip-1")),
        new IdleScore.Injected("t1", new InjectedResource(InjectedResource.Kind.IDLE_NAT_GATEWAY, "nat-1")),
        new IdleScore.Injected("t1", new InjectedResource(InjectedResource.Kind.OLD_SNAPSHOT, "snap-1")),
        new IdleScore.Injected("t1", new InjectedResource(InjectedResource.Kind.BUSY_NAT_GATEWAY, "nat-2")),
        new IdleScore.Injected("t1", new InjectedResource(InjectedResource.Kind.RECENT_SNAPSHOT, "snap-2")));
    List<IdleScore.Finding> findings = List.of(
        new IdleScore.Finding("t1", "eip_idle_address", "eip-1"),       // found
        new IdleScore.Finding("t1", "load_balancer_idle", "nat-1"),     // wrong rule: FP, nat-1 not found
        new IdleScore.Finding("t1", "ebs_snapshot_old", "snap-1"),      // found
        new IdleScore.Finding("t1", "nat_gateway_idle", "nat-2"),       // healthy resource flagged: FP
        new IdleScore.Finding("t2", "ebs_snapshot_old", "snap-2"),      // other tenant: background
        new IdleScore.Finding("t1", "eip_idle_address", "eip-base"));   // not injected: background
    IdleScore score = IdleScore.score(truth, findings);
    assertEquals(new IdleScore(3, 2, 2, 2, 2), score);
    assertEquals(2 / 3.0, score.recall());
  }

  @Test
  void forecastMapeAgainstTheBaselinesAndIntervalCoverage() {
    List<BacktestRow> rows = List.of(
        // actual 100: forecast 90 (10%), last month 80 (20%), run rate 130 (30%), inside [85, 105]
        new BacktestRow("t1", "2025-02", "month_end", LocalDate.of(2025, 2, 7), 7, 100, 90, 85, 105, 80, 130),
        // actual 200: forecast 230 (15%), last month 200 (0%), run rate 150 (25%), outside [210, 250]
        new BacktestRow("t1", "2025-03", "month_end", LocalDate.of(2025, 3, 7), 7, 200, 230, 210, 250, 200, 150),
        // actual 0: left out of the MAPE
        new BacktestRow("t1", "2025-04", "month_end", LocalDate.of(2025, 4, 7), 7, 0, 5, 0, 10, 1, 1));
    ForecastAccuracy accuracy = ForecastAccuracy.of("all", rows);
    assertEquals(2, accuracy.forecasts());
    assertEquals(12.5, accuracy.mapeForecast(), 1e-9);
    assertEquals(10.0, accuracy.mapeNaiveLastMonth(), 1e-9);
    assertEquals(27.5, accuracy.mapeNaiveRunRate(), 1e-9);
    assertEquals(0.5, accuracy.intervalCoverage(), 1e-9);
    assertEquals(false, accuracy.beatsNaive());
    List<ForecastAccuracy> byHorizon = ForecastAccuracy.byHorizon(rows);
    assertEquals(List.of("month_end@day07", "all"), byHorizon.stream().map(ForecastAccuracy::label).toList());
  }
}
