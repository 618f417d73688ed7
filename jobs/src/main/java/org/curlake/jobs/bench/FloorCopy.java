package org.curlake.jobs.bench;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.spark.LineItemExecution;

/**
 * The floor: Spark reads a tenant's raw CUR Parquet as delivered and writes it to a Delta table
 * partitioned the way it was delivered (year/month or BILLING_PERIOD), with no transformation. No
 * pipeline that reads and rewrites every line item can be faster than this on the same machine. It
 * runs with the execution settings of the jobs that do read and rewrite every line item
 * ({@link LineItemExecution}), so the ratios compare like with like.
 */
final class FloorCopy {
  private final SparkSession spark;

  FloorCopy(SparkSession spark) {
    this.spark = spark;
  }

  /** Copies {@code tenant}'s raw data to a Delta table at {@code target}; returns the rows read. */
  long copy(BenchDataset.BenchTenant tenant, Path target) {
    boolean legacy = tenant.spec().format() == SourceFormat.LEGACY_CUR;
    Path root = legacy ? tenant.source() : tenant.source().resolve("data");
    return LineItemExecution.run(spark, () -> {
      Dataset<Row> raw = spark.read().parquet(root.toUri().toString());
      raw.write().format("delta").mode("overwrite")
          .partitionBy(legacy ? new String[] {"year", "month"} : new String[] {"BILLING_PERIOD"})
          .save(target.toUri().toString());
      return tenant.spec().totalRows();
    });
  }

  /** Copies the tenant's first month (not measured: it pays the JVM's class loading and JIT). */
  void warmUp(BenchDataset.BenchTenant tenant, Path target) {
    Path month = tenant.source().resolve(GenerateJob.periodFolder(tenant.spec().format(), tenant.spec().firstPeriod()));
    LineItemExecution.run(spark, () -> {
      spark.read().parquet(month.toUri().toString()).write().format("delta").mode("overwrite")
          .save(target.toUri().toString());
      return null;
    });
  }
}
