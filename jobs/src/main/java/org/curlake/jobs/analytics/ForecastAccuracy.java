package org.curlake.jobs.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.curlake.jobs.analytics.ForecastBacktest.BacktestRow;

/**
 * Mean absolute percentage error of the forecast and of the naive baselines over backtested
 * forecasts with a non-zero actual, and how often the actual fell inside the 80% interval.
 *
 * @param label what the rows are: all, or a horizon and as-of day
 */
public record ForecastAccuracy(String label, int forecasts, double mapeForecast, double mapeNaiveLastMonth,
    double mapeNaiveRunRate, double intervalCoverage) {

  public static ForecastAccuracy of(String label, List<BacktestRow> rows) {
    List<BacktestRow> scored = rows.stream().filter(r -> r.actualUsd() != 0).toList();
    return new ForecastAccuracy(label, scored.size(),
        mape(scored, BacktestRow::forecastUsd), mape(scored, BacktestRow::naiveLastMonthUsd),
        mape(scored, BacktestRow::naiveRunRateUsd),
        scored.isEmpty() ? Double.NaN : scored.stream().filter(BacktestRow::withinInterval).count() / (double) scored.size());
  }

  /** One line per horizon and as-of day (month_end day 7, 14, 21; next_month), then the overall line. */
  public static List<ForecastAccuracy> byHorizon(List<BacktestRow> rows) {
    Map<String, List<BacktestRow>> groups = new TreeMap<>();
    for (BacktestRow row : rows) {
      String key = row.horizon() + (row.horizon().equals("month_end") ? "@day" + String.format(Locale.ROOT, "%02d",
          row.asOfDay()) : "@previous_month_end");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<ForecastAccuracy> result = new ArrayList<>();
    groups.forEach((key, group) -> result.add(of(key, group)));
    result.add(of("all", rows));
    return result;
  }

  /** Whether the forecast's MAPE is below both baselines'. */
  public boolean beatsNaive() {
    return mapeForecast < mapeNaiveLastMonth && mapeForecast < mapeNaiveRunRate;
  }

  public String line(String prefix) {
    return String.format(Locale.ROOT,
        "%s horizon=%s forecasts=%d mape_forecast=%.2f%% mape_naive_last_month=%.2f%% mape_naive_run_rate=%.2f%%"
            + " interval80_coverage=%.2f", prefix, label, forecasts, mapeForecast, mapeNaiveLastMonth, mapeNaiveRunRate,
        intervalCoverage);
  }

  private static double mape(List<BacktestRow> rows, ToDoubleFunction<BacktestRow> predicted) {
    return rows.stream().mapToDouble(r -> r.ape(predicted.applyAsDouble(r))).average().orElse(Double.NaN);
  }
}
