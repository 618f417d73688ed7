package org.curlake.jobs.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.curlake.jobs.analytics.ForecastBacktest;
import org.curlake.jobs.evaluate.EvaluationPlan.TenantCase;
import org.curlake.jobs.generate.CostEvent;
import org.curlake.jobs.generate.InjectedResource;

/**
 * What the evaluation injected: the cost events (with their matching windows) and the resources
 * (with the rule that must flag each idle one), written as {@code anomalies.csv} and
 * {@code idle_resources.csv}.
 */
public record GroundTruth(List<AnomalyScore.Injected> events, List<IdleScore.Injected> resources) {
  /** The days of history fct_cost_forecast fits its level, trend and noise on. */
  static final int HISTORY_DAYS = 28;

  public GroundTruth {
    events = List.copyOf(events);
    resources = List.copyOf(resources);
  }

  static GroundTruth of(List<TenantCase> cases, List<YearMonth> evaluatedPeriods) {
    List<AnomalyScore.Injected> events = new ArrayList<>();
    List<IdleScore.Injected> resources = new ArrayList<>();
    YearMonth first = evaluatedPeriods.get(0);
    for (TenantCase c : cases) {
      for (CostEvent event : c.injection().events()) {
        if (!YearMonth.from(event.start()).isBefore(first)) {
          events.add(new AnomalyScore.Injected(c.tenantId(), event));
        }
      }
      for (InjectedResource resource : c.injection().resources()) {
        resources.add(new IdleScore.Injected(c.tenantId(), resource));
      }
    }
    return new GroundTruth(events, resources);
  }

  /**
   * Whether a backtested forecast is calm: no injected cost event of its tenant starts between the
   * first day of the model's 28-day history and the end of the target month. Only a calm forecast can
   * be expected inside its 80% interval: an interval is measured on the history, and an injected change
   * (a ×2 level shift, a ×3 drift) is by design not in it.
   */
  boolean calm(ForecastBacktest.BacktestRow forecast) {
    LocalDate from = forecast.asOf().minusDays(HISTORY_DAYS - 1L);
    LocalDate to = YearMonth.parse(forecast.targetPeriod()).atEndOfMonth();
    return events.stream().noneMatch(e -> e.tenantId().equals(forecast.tenantId())
        && !e.event().start().isBefore(from) && !e.event().start().isAfter(to));
  }

  void write(Path folder) {
    List<String> anomalies = new ArrayList<>(List.of("tenant_id,product_code,kind,start,days,factor,window_end"));
    for (AnomalyScore.Injected e : events) {
      CostEvent ev = e.event();
      anomalies.add(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%.4f,%s", e.tenantId(), ev.productCode(), ev.kind(),
          ev.start(), ev.days(), ev.factor(), ev.windowEnd()));
    }
    List<String> idle = new ArrayList<>(List.of("tenant_id,resource_id,kind,idle,expected_rule"));
    for (IdleScore.Injected r : resources) {
      InjectedResource res = r.resource();
      idle.add(String.join(",", r.tenantId(), res.resourceId(), res.kind().name(), String.valueOf(res.kind().idle()),
          res.kind().idle() ? res.kind().expectedRule() : ""));
    }
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve("anomalies.csv"), anomalies);
      Files.write(folder.resolve("idle_resources.csv"), idle);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ground truth to " + folder, e);
    }
  }
}
