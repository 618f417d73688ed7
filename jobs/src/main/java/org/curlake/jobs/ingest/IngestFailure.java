package org.curlake.jobs.ingest;

/**
 * Why one tenant's period (or whole source) could not be ingested. The message names the tenant,
 * the period, the file when one file is at fault, and the problem.
 */
public final class IngestFailure extends RuntimeException {
  public IngestFailure(String tenant, BillingPeriod period, String file, String problem, Throwable cause) {
    super(describe(tenant, period, file, problem), cause);
  }

  public IngestFailure(String tenant, BillingPeriod period, String file, String problem) {
    this(tenant, period, file, problem, null);
  }

  private static String describe(String tenant, BillingPeriod period, String file, String problem) {
    StringBuilder message = new StringBuilder("tenant '").append(tenant).append('\'');
    if (period != null) {
      message.append(" period ").append(period);
    }
    if (file != null) {
      message.append(" file ").append(file);
    }
    return message.append(": ").append(problem).toString();
  }
}
