package org.curlake.jobs.quality;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The rows of {@code dq_results} and {@code sla_status}, built from their result records. */
public final class QualityTables {
  public static final StructType DQ_RESULTS = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("tenant_id", DataTypes.StringType, false)
      .add("billing_period", DataTypes.StringType, true)
      .add("check_id", DataTypes.StringType, false)
      .add("table_name", DataTypes.StringType, false)
      .add("metric", DataTypes.StringType, false)
      .add("columns", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("status", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, true)
      .add("threshold", DataTypes.DoubleType, false)
      .add("message", DataTypes.StringType, true)
      .add("checked_at", DataTypes.TimestampType, false);

  public static final StructType SLA_STATUS = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("tenant_id", DataTypes.StringType, false)
      .add("reference_time", DataTypes.TimestampType, false)
      .add("latest_period", DataTypes.StringType, true)
      .add("latest_usage_start", DataTypes.TimestampType, true)
      .add("lag_hours", DataTypes.DoubleType, true)
      .add("sla_hours", DataTypes.IntegerType, false)
      .add("status", DataTypes.StringType, false);

  private QualityTables() {}

  public static Dataset<Row> dqResults(SparkSession spark, List<DqResult> results) {
    return spark.createDataFrame(results.stream().map(r -> RowFactory.create(r.runId(), r.tenantId(),
        r.billingPeriod(), r.checkId(), r.table(), r.metric(), r.columns(), r.status().name(), r.value(),
        r.threshold(), r.message(), Timestamp.from(r.checkedAt()))).toList(), DQ_RESULTS);
  }

  public static Dataset<Row> slaStatus(SparkSession spark, List<SlaStatus> statuses) {
    return spark.createDataFrame(statuses.stream().map(s -> RowFactory.create(s.runId(), s.tenantId(),
        Timestamp.from(s.referenceTime()), s.latestPeriod(),
        s.latestUsageStart() == null ? null : Timestamp.from(s.latestUsageStart()), s.lagHours(), s.slaHours(),
        s.status().name())).toList(), SLA_STATUS);
  }
}
