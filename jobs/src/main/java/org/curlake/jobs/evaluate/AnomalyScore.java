package org.curlake.jobs.evaluate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.curlake.jobs.generate.CostEvent;

/**
 * Precision and recall of the anomaly detector against injected cost events, matched by tenant,
 * service and day. A detection (a day and service flagged is_anomaly) is a true positive when it
 * falls in the window of an event injected on that tenant's service: from the event's start to its
 * {@link CostEvent#windowEnd()} (a spike's days; 14 days after a level shift or a new service; a
 * drift's ramp plus 7 days). An event is found when at least one detection falls in its window.
 * Precision = true-positive detections / detections (1 when nothing is flagged); recall = events
 * found / events (1 when nothing was injected).
 */
public record AnomalyScore(int events, int eventsFound, int detections, int truePositives) {

  /** An event injected into a tenant. */
  public record Injected(String tenantId, CostEvent event) {
    public boolean covers(Detection d) {
      return tenantId.equals(d.tenantId()) && event.productCode().equals(d.productCode())
          && !d.day().isBefore(event.start()) && !d.day().isAfter(event.windowEnd());
    }
  }

  /** A day and service the detector flagged. */
  public record Detection(String tenantId, String productCode, LocalDate day) {}

  public static AnomalyScore score(List<Injected> truth, List<Detection> detections) {
    int found = (int) truth.stream().filter(e -> detections.stream().anyMatch(e::covers)).count();
    int truePositives = (int) detections.stream().filter(d -> truth.stream().anyMatch(e -> e.covers(d))).count();
    return new AnomalyScore(truth.size(), found, detections.size(), truePositives);
  }

  public double precision() {
    return detections == 0 ? 1.0 : truePositives / (double) detections;
  }

  public double recall() {
    return events == 0 ? 1.0 : eventsFound / (double) events;
  }

  public String line() {
    return String.format(Locale.ROOT, "evaluate anomalies events=%d found=%d detections=%d true_positives=%d"
        + " precision=%.3f recall=%.3f", events, eventsFound, detections, truePositives, precision(), recall());
  }
}
