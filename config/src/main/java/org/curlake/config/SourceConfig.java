package org.curlake.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's CUR source and the freshness SLA declared beside it.
 *
 * @param location where the export lives (local directory or s3a:// prefix)
 * @param format the export format; empty means detect it from the files' columns
 * @param freshnessSlaHours the maximum lag, in hours, between a run's reference time and the
 *     newest usage in the latest billing period before the source is in breach
 */
public record SourceConfig(SourceLocation location, Optional<SourceFormat> format, int freshnessSlaHours) {
  public static final int MAX_SLA_HOURS = 24 * 90;

  public SourceConfig {
    if (location == null) {
      throw new InvalidFieldException("path", "is required");
    }
    Objects.requireNonNull(format, "format");
    if (freshnessSlaHours < 0) {
      throw new InvalidFieldException("freshness_sla_hours", "must be >= 0 (got " + freshnessSlaHours + ")");
    }
    if (freshnessSlaHours > MAX_SLA_HOURS) {
      throw new InvalidFieldException("freshness_sla_hours",
          "must be at most " + MAX_SLA_HOURS + " (got " + freshnessSlaHours + ")");
    }
  }
}
