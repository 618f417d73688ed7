package org.curlake.jobs.ingest;

import java.util.List;

/** Everything one ingest invocation attempted. */
public record IngestReport(String runId, List<IngestRun> runs) {
  public IngestReport {
    runs = List.copyOf(runs);
  }

  public boolean anyFailed() {
    return runs.stream().anyMatch(r -> r.status() == RunStatus.FAILED);
  }

  public List<IngestRun> failed() {
    return runs.stream().filter(r -> r.status() == RunStatus.FAILED).toList();
  }
}
