package org.curlake.jobs.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curlake.config.AnomalyConfig;
import org.curlake.config.IdleThresholds;
import org.curlake.config.TenantConfig;

/**
 * A tenant's analytics config as what the SQL models take: named parameters (thresholds, the
 * period and the as-of date) and the {@code tenant_budgets} view. Never spliced into SQL.
 */
public final class AnalyticsParameters {
  public static final StructType TENANT_BUDGETS = new StructType()
      .add("tenant_id", DataTypes.StringType, false)
      .add("monthly_usd", DataTypes.createDecimalType(30, 10), false)
      .add("warn_percent", DataTypes.IntegerType, false);

  private AnalyticsParameters() {}

  /** The parameters of every analytics model for one tenant, period and as-of date. */
  public static Map<String, Object> of(TenantConfig tenant, String period, LocalDate asOf) {
    IdleThresholds idle = tenant.idle();
    AnomalyConfig anomalies = tenant.anomalies();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("tenant_id", tenant.id());
    parameters.put("billing_period", period);
    parameters.put("as_of_date", asOf.toString());
    parameters.put("idle_nat_min_gb_per_month", idle.natMinGbPerMonth());
    parameters.put("idle_lb_min_lcu_hours_per_month", idle.lbMinLcuHoursPerMonth());
    parameters.put("idle_ebs_min_days_without_instance", idle.ebsMinDaysWithoutInstance());
    parameters.put("idle_snapshot_max_age_days", idle.snapshotMaxAgeDays());
    parameters.put("idle_min_monthly_waste_usd", idle.minMonthlyWasteUsd());
    parameters.put("anomaly_min_impact_usd", anomalies.minImpactUsd());
    parameters.put("anomaly_sensitivity", anomalies.sensitivity());
    return parameters;
  }

  /** The tenant's budget as a one-row view (no row without a budget). */
  public static Dataset<Row> budgets(SparkSession spark, TenantConfig tenant) {
    List<Row> rows = new ArrayList<>();
    tenant.budget().ifPresent(b -> rows.add(RowFactory.create(tenant.id(), b.monthlyUsd(), b.warnPercent())));
    return spark.createDataFrame(rows, TENANT_BUDGETS);
  }
}
