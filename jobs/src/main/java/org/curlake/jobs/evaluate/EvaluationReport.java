package org.curlake.jobs.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.curlake.jobs.analytics.ForecastAccuracy;

/**
 * The scores of one evaluation run and whether they meet the targets.
 *
 * @param forecast the backtest's accuracy per horizon, then over all forecasts
 * @param calmForecast the accuracy over the calm forecasts only ({@link GroundTruth#calm}): those with
 *     no injected change in their history window or target month, where the 80% interval should hold
 */
public record EvaluationReport(AnomalyScore anomalies, IdleScore idle, List<ForecastAccuracy> forecast,
    ForecastAccuracy calmForecast, double seconds) {
  public static final double MIN_ANOMALY_PRECISION = 0.95;
  public static final double MIN_ANOMALY_RECALL = 0.90;

  public EvaluationReport {
    forecast = List.copyOf(forecast);
  }

  /** The accuracy over every backtested forecast. */
  public ForecastAccuracy overallForecast() {
    return forecast.get(forecast.size() - 1);
  }

  /** Each target not met, as a sentence; empty when all are. */
  public List<String> missedTargets() {
    List<String> missed = new ArrayList<>();
    if (anomalies.precision() < MIN_ANOMALY_PRECISION) {
      missed.add("anomaly precision " + anomalies.precision() + " < " + MIN_ANOMALY_PRECISION);
    }
    if (anomalies.recall() < MIN_ANOMALY_RECALL) {
      missed.add("anomaly recall " + anomalies.recall() + " < " + MIN_ANOMALY_RECALL);
    }
    if (idle.recall() < 1.0) {
      missed.add("idle recall " + idle.recall() + " < 1");
    }
    if (idle.falsePositives() > 0) {
      missed.add(idle.falsePositives() + " idle false positive(s) on injected resources");
    }
    if (!overallForecast().beatsNaive()) {
      missed.add("forecast MAPE " + overallForecast().mapeForecast() + " does not beat both naive baselines");
    }
    return missed;
  }

  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(anomalies.line());
    lines.add(idle.line());
    forecast.forEach(f -> lines.add(f.line("evaluate forecast")));
    lines.add(calmForecast.line("evaluate forecast"));
    List<String> missed = missedTargets();
    lines.add(String.format(Locale.ROOT, "evaluate %s seconds=%.1f%s", missed.isEmpty() ? "OK" : "MISSED", seconds,
        missed.isEmpty() ? "" : " missed=\"" + String.join("; ", missed) + "\""));
    return lines;
  }
}
