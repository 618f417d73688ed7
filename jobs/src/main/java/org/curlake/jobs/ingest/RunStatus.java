package org.curlake.jobs.ingest;

/** How one ingest attempt of a tenant's period ended. */
public enum RunStatus {
  /** The period's bronze partition was replaced by this delivery. */
  SUCCEEDED,
  /** Nothing was written: bronze keeps what it had. The run's error says why. */
  FAILED,
  /** The delivery is the one already ingested (same files, sizes and times): nothing to do. */
  SKIPPED
}
