package org.curlake.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;

/** The pipeline's fct_cost_daily totals of a tenant, and how many of its rows curate quarantined. */
final class PipelineTotals {
  private final SparkSession spark;
  private final String lakeRoot;

  PipelineTotals(SparkSession spark, String lakeRoot) {
    this.spark = spark;
    this.lakeRoot = lakeRoot;
  }

  CostTotals fctCostDaily(String tenant) {
    Row row = spark.read().format("delta").load(LakeTable.FCT_COST_DAILY.location(lakeRoot))
        .where(col("tenant_id").equalTo(lit(tenant)))
        .agg(count(lit(1)), sum("line_item_count"), sum("unblended_cost"), sum("amortized_cost")).first();
    return new CostTotals(tenant, row.getLong(0), row.isNullAt(1) ? 0 : row.getLong(1), row.getDecimal(2),
        row.getDecimal(3));
  }

  long quarantined(String tenant) {
    String location = LakeTable.QUARANTINE.location(lakeRoot);
    if (!io.delta.tables.DeltaTable.isDeltaTable(spark, location)) {
      return 0;
    }
    return spark.read().format("delta").load(location).where(col("tenant_id").equalTo(lit(tenant))).count();
  }
}
