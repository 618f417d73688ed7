package org.curlake.jobs.utilization;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curlake.catalog.LakeTable;
import org.curlake.config.CloudWatchConfig;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.spark.SparkErrors;

/**
 * Optional CloudWatch enrichment: for each tenant listed in config/cloudwatch.yaml, the EC2 instances
 * its CUR charged in the as-of date's billing period (in the configured region), their daily CPU and
 * network over the 14 days ending on the as-of date, and the low-utilization rule. Replaces the
 * (tenant, period) partition of {@code marts.fct_instance_utilization}. Tenants not listed are skipped.
 */
public final class UtilizationJob {
  static final StructType SCHEMA = new StructType()
      .add("tenant_id", DataTypes.StringType, false)
      .add("billing_period", DataTypes.StringType, false)
      .add("instance_id", DataTypes.StringType, false)
      .add("usage_account_id", DataTypes.StringType, true)
      .add("region_code", DataTypes.StringType, true)
      .add("window_start", DataTypes.DateType, false)
      .add("window_end", DataTypes.DateType, false)
      .add("days_with_data", DataTypes.IntegerType, false)
      .add("low_days", DataTypes.IntegerType, false)
      .add("avg_cpu_pct", DataTypes.DoubleType, true)
      .add("max_cpu_pct", DataTypes.DoubleType, true)
      .add("avg_network_mb", DataTypes.DoubleType, true)
      .add("is_low_utilization", DataTypes.BooleanType, false)
      .add("evidence", DataTypes.StringType, false)
      .add("as_of_date", DataTypes.DateType, false);

  /** One tenant's enrichment: instances looked at and findings, or why it failed or was skipped. */
  public record UtilizationRun(String tenantId, String billingPeriod, String status, int instances, int findings,
      String error) {
    public String progressLine() {
      return "utilization tenant=" + tenantId + " period=" + billingPeriod + " status=" + status + " instances="
          + instances + " low_utilization=" + findings + (error == null ? "" : " error=\"" + error + "\"");
    }
  }

  private final SparkSession spark;
  private final PartitionWriter lake;
  private final CloudWatchConfig config;
  private final Consumer<UtilizationRun> progress;

  public UtilizationJob(SparkSession spark, String lakeRoot, CloudWatchConfig config, Consumer<UtilizationRun> progress) {
    this.spark = spark;
    this.lake = new PartitionWriter(spark, lakeRoot);
    this.config = config;
    this.progress = progress;
  }

  public List<UtilizationRun> run(List<TenantConfig> tenants, LocalDate asOf) {
    BillingPeriod period = BillingPeriod.of(asOf.getYear(), asOf.getMonthValue());
    List<UtilizationRun> runs = new ArrayList<>();
    for (TenantConfig tenant : tenants) {
      Optional<CloudWatchConfig.Target> target = config.target(tenant.id());
      UtilizationRun run = target.isEmpty()
          ? new UtilizationRun(tenant.id(), period.toString(), "SKIPPED", 0, 0, null)
          : runTenant(tenant.id(), target.get(), period, asOf);
      progress.accept(run);
      runs.add(run);
    }
    return runs;
  }

  private UtilizationRun runTenant(String tenant, CloudWatchConfig.Target target, BillingPeriod period, LocalDate asOf) {
    try (CloudWatchMetrics metrics = new CloudWatchMetrics(target)) {
      Map<String, Row> instances = instances(tenant, target.region(), period, asOf);
      LocalDate first = asOf.minusDays(LowUtilizationRule.WINDOW_DAYS - 1L);
      Map<String, List<DailyUtilization>> byInstance = metrics.daily(List.copyOf(instances.keySet()), first, asOf)
          .stream().collect(Collectors.groupingBy(DailyUtilization::instanceId));
      List<Row> rows = new ArrayList<>();
      int findings = 0;
      for (Map.Entry<String, Row> instance : instances.entrySet()) {
        LowUtilizationRule.Evaluation e = LowUtilizationRule.evaluate(instance.getKey(),
            byInstance.getOrDefault(instance.getKey(), List.of()));
        findings += e.lowUtilization() ? 1 : 0;
        rows.add(RowFactory.create(tenant, period.toString(), e.instanceId(), instance.getValue().getString(1),
            target.region(), Date.valueOf(first), Date.valueOf(asOf), e.daysWithData(), e.lowDays(), e.avgCpuPct(),
            e.maxCpuPct(), e.avgNetworkMb(), e.lowUtilization(), e.evidence(), Date.valueOf(asOf)));
      }
      lake.replace(LakeTable.FCT_INSTANCE_UTILIZATION, spark.createDataFrame(rows, SCHEMA),
          Map.of("tenant_id", tenant, "billing_period", period.toString()),
          "utilization tenant " + tenant + " period " + period + " as of " + asOf);
      return new UtilizationRun(tenant, period.toString(), "SUCCEEDED", instances.size(), findings, null);
    } catch (Exception e) {
      return new UtilizationRun(tenant, period.toString(), "FAILED", 0, 0,
          "tenant '" + tenant + "' period " + period + ": " + SparkErrors.summary(e));
    }
  }

  /** EC2 instance ids charged in the period up to the as-of date in the region, with their account. */
  private Map<String, Row> instances(String tenant, String region, BillingPeriod period, LocalDate asOf) {
    Dataset<Row> bronze = lake.read(LakeTable.CUR_LINE_ITEMS)
        .orElseThrow(() -> new IllegalStateException("no bronze table yet: run ingest first"));
    List<Row> found = bronze.where(col("tenant_id").equalTo(lit(tenant))
            .and(col("billing_period").equalTo(lit(period.toString())))
            .and(col("line_item_resource_id").startsWith("i-"))
            .and(col("product_region_code").equalTo(lit(region)))
            .and(col("line_item_usage_start_date").lt(lit(java.sql.Timestamp.valueOf(asOf.plusDays(1).atStartOfDay())))))
        .groupBy(col("line_item_resource_id"))
        .agg(first(col("line_item_usage_account_id")).as("usage_account_id"))
        .orderBy(col("line_item_resource_id"))
        .collectAsList();
    Map<String, Row> byId = new java.util.LinkedHashMap<>();
    found.forEach(row -> byId.put(row.getString(0), row));
    return byId;
  }
}
