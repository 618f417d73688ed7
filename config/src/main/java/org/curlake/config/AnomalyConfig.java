package org.curlake.config;

/**
 * A tenant's cost-anomaly settings ({@code fct_cost_anomalies}); the {@code anomalies:} block and
 * its keys are optional.
 *
 * @param minImpactUsd a day is an anomaly only when its cost exceeds the expected cost by at least this
 * @param sensitivity the robust score (excess over expected, in scaled MADs) at which a day is an
 *     anomaly: lower finds more anomalies
 */
public record AnomalyConfig(double minImpactUsd, double sensitivity) {

  public static final AnomalyConfig DEFAULTS = new AnomalyConfig(50.0, 4.0);

  public AnomalyConfig {
    IdleThresholds.requireFinite("min_impact_usd", minImpactUsd);
    if (Double.isNaN(sensitivity) || sensitivity < 1 || sensitivity > 100) {
      throw new InvalidFieldException("sensitivity", "must be between 1 and 100 (got " + sensitivity + ")");
    }
  }
}
