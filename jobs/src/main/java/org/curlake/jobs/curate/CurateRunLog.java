package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.lake.PartitionWriter;

/**
 * The {@code ops.curate_runs} table: one row per curation of a tenant's period (or of its
 * tenant-wide marts, with a null period), with the fingerprint of its inputs. Also reads what each
 * period's bronze currently is, from {@code ops.ingest_runs}.
 */
public final class CurateRunLog {
  /** The billing_period value that stands for the tenant-wide marts in {@code curate_runs}. */
  public static final String TENANT_WIDE = "*";

  public static final StructType SCHEMA = new StructType()
      .add("run_id", DataTypes.StringType, false)
      .add("tenant_id", DataTypes.StringType, false)
      .add("billing_period", DataTypes.StringType, false)
      .add("inputs_fingerprint", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("valid_rows", DataTypes.LongType, false)
      .add("quarantined_rows", DataTypes.LongType, false)
      .add("ended_at", DataTypes.TimestampType, false)
      .add("error", DataTypes.StringType, true);

  private final SparkSession spark;
  private final PartitionWriter lake;

  public CurateRunLog(SparkSession spark, PartitionWriter lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /**
   * What a tenant's earlier curations left.
   *
   * @param curatedInputs period (or {@link #TENANT_WIDE}) → the fingerprint of the inputs its last
   *     successful curation used
   * @param tenantWideCurrent whether the tenant-wide marts' last curation that did anything succeeded:
   *     they then match the period marts, and only the periods a run changes need recomputing
   */
  public record History(Map<String, String> curatedInputs, boolean tenantWideCurrent) {
    public static History none() {
      return new History(Map.of(), false);
    }
  }

  /** The tenant's curation history, from one read of the run log. */
  public History history(String tenant) {
    Map<String, String> succeeded = new HashMap<>();
    String[] lastTenantWide = {null};
    lake.read(LakeTable.CURATE_RUNS).ifPresent(runs -> runs
        .where(col("tenant_id").equalTo(lit(tenant)).and(col("status").isin("SUCCEEDED", "FAILED")))
        .orderBy(col("ended_at"))
        .select("billing_period", "inputs_fingerprint", "status").collectAsList()
        .forEach(row -> {
          if ("SUCCEEDED".equals(row.getString(2))) {
            succeeded.put(row.getString(0), row.getString(1));
          }
          if (TENANT_WIDE.equals(row.getString(0))) {
            lastTenantWide[0] = row.getString(2);
          }
        }));
    return new History(succeeded, "SUCCEEDED".equals(lastTenantWide[0]));
  }

  /** Period → the last successful ingest run that replaced its bronze partition ("runId@endedAt"). */
  public Map<String, String> bronzeVersions(String tenant) {
    Map<String, String> result = new HashMap<>();
    lake.read(LakeTable.INGEST_RUNS).ifPresent(runs -> runs
        .where(col("tenant_id").equalTo(lit(tenant)).and(col("status").equalTo(lit("SUCCEEDED"))))
        .orderBy(col("ended_at"))
        .select("billing_period", "run_id", "ended_at").collectAsList()
        .forEach(row -> result.put(row.getString(0), row.getString(1) + "@" + row.getTimestamp(2))));
    return result;
  }

  public void append(String runId, List<CurateRun> runs, Instant endedAt) {
    List<Row> rows = runs.stream().map(run -> RowFactory.create(runId, run.tenantId(),
        run.billingPeriod() == null ? TENANT_WIDE : run.billingPeriod(), run.inputsFingerprint(),
        run.failed() ? "FAILED" : run.skipped() ? "SKIPPED" : "SUCCEEDED", run.validRows(), run.quarantinedRows(),
        Timestamp.from(endedAt), run.error())).toList();
    lake.append(LakeTable.CURATE_RUNS, spark.createDataFrame(rows, SCHEMA).coalesce(1));
  }
}
