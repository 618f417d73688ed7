package org.curlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.expressions.Window;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.lake.PartitionWriter;

/** The {@code ingest_runs} Delta table: appends attempts, and tells which delivery each period last took. */
public final class IngestRunLog {
  public static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("tenant_id", DataTypes.StringType, false)
      .add("billing_period", DataTypes.StringType, true)
      .add("source_format", DataTypes.StringType, true)
      .add("source_files", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("delivery_fingerprint", DataTypes.StringType, true)
      .add("rows_in", DataTypes.LongType, false)
      .add("rows_written", DataTypes.LongType, false)
      .add("started_at", DataTypes.TimestampType, false)
      .add("ended_at", DataTypes.TimestampType, false)
      .add("status", DataTypes.StringType, false)
      .add("error", DataTypes.StringType, true);

  private final SparkSession spark;
  private final PartitionWriter lake;

  public IngestRunLog(SparkSession spark, PartitionWriter lake) {
    this.spark = spark;
    this.lake = lake;
  }

  public void append(List<IngestRun> runs) {
    List<Row> rows = runs.stream().map(IngestRunLog::toRow).toList();
    lake.append(LakeTable.INGEST_RUNS, spark.createDataFrame(rows, SCHEMA).coalesce(1));
  }

  /** For each period of the tenant, the fingerprint of the delivery its last successful run ingested. */
  public Map<BillingPeriod, String> ingestedDeliveries(String tenant) {
    Map<BillingPeriod, String> result = new HashMap<>();
    Optional<Dataset<Row>> runs = lake.read(LakeTable.INGEST_RUNS);
    if (runs.isEmpty()) {
      return result;
    }
    Dataset<Row> latest = runs.get()
        .where(col("tenant_id").equalTo(lit(tenant)).and(col("status").equalTo(lit(RunStatus.SUCCEEDED.name()))))
        .withColumn("rank", org.apache.spark.sql.functions.row_number().over(
            Window.partitionBy("billing_period").orderBy(col("ended_at").desc())))
        .where(col("rank").equalTo(1))
        .select("billing_period", "delivery_fingerprint");
    for (Row row : latest.collectAsList()) {
      result.put(BillingPeriod.parse(row.getString(0)), row.getString(1));
    }
    return result;
  }

  private static Row toRow(IngestRun run) {
    return RowFactory.create(run.runId(), run.tenantId(), run.billingPeriod(), run.sourceFormat(),
        run.sourceFiles(),
        run.deliveryFingerprint(), run.rowsIn(), run.rowsWritten(),
        Timestamp.from(run.startedAt()), Timestamp.from(run.endedAt()), run.status().name(), run.error());
  }
}
