package org.curlake.jobs.curate;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.TenantConfig;

/**
 * The views the period marts select from: the tenant's dimensions from its config, its valid bronze
 * rows, and the staging and intermediate models over them ({@link CurateJob#PERIOD_MODELS}). The curate
 * job and the benchmark's curate profile register them the same way, through this class.
 */
public final class PeriodViews {
  private PeriodViews() {}

  /** Registers {@code tenant_accounts} and {@code tenant_tag_keys} from the tenant's config. */
  public static void registerTenantInputs(SparkSession spark, ModelRunner models, TenantConfig tenant) {
    models.input("tenant_accounts", TenantDimensions.accounts(spark, tenant));
    models.input("tenant_tag_keys", TenantDimensions.tagKeys(spark, tenant));
  }

  /**
   * Registers the tenant's inputs and {@code validBronze} as {@code bronze_cur_line_items}, then runs
   * the staging and intermediate models over them (lazily: nothing is computed until a mart is written).
   */
  public static void register(SparkSession spark, ModelRunner models, TenantConfig tenant, Dataset<Row> validBronze,
      Map<String, Object> parameters) {
    registerTenantInputs(spark, models, tenant);
    models.input("bronze_cur_line_items", validBronze);
    models.runAll(CurateJob.PERIOD_MODELS.stream().map(SqlModel::load).toList(), parameters);
  }
}
