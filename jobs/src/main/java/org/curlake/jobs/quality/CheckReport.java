package org.curlake.jobs.quality;

import java.util.List;

/** Everything one check run found. */
public record CheckReport(String runId, List<DqResult> results, List<SlaStatus> sla) {
  public CheckReport {
    results = List.copyOf(results);
    sla = List.copyOf(sla);
  }

  public List<DqResult> failures() {
    return results.stream().filter(DqResult::failed).toList();
  }

  public List<SlaStatus> breaches() {
    return sla.stream().filter(s -> s.status() == SlaStatus.Status.BREACH).toList();
  }
}
