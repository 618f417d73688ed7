package org.curlake.jobs.utilization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curlake.catalog.LakeTable;
import org.curlake.config.CloudWatchConfig;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CloudWatch enrichment against a local endpoint speaking CloudWatch's awsQuery protocol: instances
 * come from bronze, metrics through the real SDK client (signed with credentials from the default chain,
 * here its Java system properties), the Trusted Advisor rule decides, the table is written.
 */
class UtilizationJobTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 1, 20);
  private static final LocalDate FIRST = AS_OF.minusDays(13);
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path lake;

  @Test
  void ruleCountsDaysAtOrUnderBothThresholds() {
    List<DailyUtilization> days = IntStream.range(0, 14).mapToObj(k -> new DailyUtilization("i-1", FIRST.plusDays(k),
        OptionalDouble.of(k < 4 ? 10.0 : 10.5), OptionalDouble.of(k < 5 ? 5_000_000.0 : 1.0))).toList();
    LowUtilizationRule.Evaluation four = LowUtilizationRule.evaluate("i-1", days);
    assertEquals(4, four.lowDays());
    assertTrue(four.lowUtilization());
    assertEquals("4 of 14 days with CPU <= 10% and network I/O <= 5 MB (14 days with data; needs 4)", four.evidence());
    LowUtilizationRule.Evaluation three = LowUtilizationRule.evaluate("i-1", days.subList(1, 14));
    assertFalse(three.lowUtilization());
    LowUtilizationRule.Evaluation none = LowUtilizationRule.evaluate("i-1", List.of(new DailyUtilization("i-1", FIRST,
        OptionalDouble.empty(), OptionalDouble.of(0))));
    assertEquals(0, none.daysWithData());
    assertEquals(null, none.avgCpuPct());
  }

  /** Daily metrics per instance, by day index in the 14-day window (null: no datapoint). */
  private static Double metric(String instance, String metric, LocalDate day) {
    int k = (int) ChronoUnit.DAYS.between(FIRST, day);
    boolean cpu = metric.equals("CPUUtilization");
    return switch (instance) {
      case "i-0aaa" -> k == 13 ? null : Set.of(0, 2, 4, 6, 8).contains(k) ? (cpu ? 3.0 : 1_000_000.0) : (cpu ? 45.0 : 2e8);
      case "i-0bbb" -> Set.of(1, 3, 5).contains(k) ? (cpu ? 1.0 : 100_000.0) : (cpu ? 60.0 : 3e8);
      case "i-0ccc" -> cpu ? 2.0 : 3e7;
      default -> throw new AssertionError("CloudWatch asked for " + instance + " " + metric);
    };
  }

  private void writeBronze() {
    StructType schema = new StructType()
        .add("tenant_id", DataTypes.StringType).add("billing_period", DataTypes.StringType)
        .add("line_item_resource_id", DataTypes.StringType).add("line_item_usage_account_id", DataTypes.StringType)
        .add("product_region_code", DataTypes.StringType).add("line_item_usage_start_date", DataTypes.TimestampType);
    Timestamp jan5 = Timestamp.valueOf("2024-01-05 10:00:00");
    List<Row> rows = List.of(
        RowFactory.create("acme", "2024-01", "i-0aaa", "111122223333", "us-east-1", jan5),
        RowFactory.create("acme", "2024-01", "i-0aaa", "111122223333", "us-east-1", Timestamp.valueOf("2024-01-06 10:00:00")),
        RowFactory.create("acme", "2024-01", "i-0bbb", "111122223333", "us-east-1", jan5),
        RowFactory.create("acme", "2024-01", "i-0ccc", "444455556666", "us-east-1", jan5),
        RowFactory.create("acme", "2024-01", "i-0ddd", "111122223333", "eu-west-1", jan5),
        RowFactory.create("acme", "2024-01", "vol-0123", "111122223333", "us-east-1", jan5),
        RowFactory.create("acme", "2024-01", "i-0eee", "111122223333", "us-east-1", Timestamp.valueOf("2024-01-25 00:00:00")),
        RowFactory.create("globex", "2024-01", "i-0fff", "777788889999", "us-east-1", jan5));
    spark.createDataFrame(rows, schema).write().format("delta").partitionBy("tenant_id", "billing_period")
        .save(LakeTable.CUR_LINE_ITEMS.location(lake.toString()));
  }

  @Test
  void findsLowUtilizationInstancesThroughCloudWatch() throws Exception {
    writeBronze();
    Map<String, String> saved = Map.of("aws.accessKeyId", "curlake-cw-test-key", "aws.secretAccessKey", "curlake-cw-secret");
    Map<String, String> previous = new java.util.HashMap<>();
    saved.forEach((k, v) -> {
      previous.put(k, System.getProperty(k));
      System.setProperty(k, v);
    });
    try (CloudWatchQueryServer cloudWatch = new CloudWatchQueryServer(UtilizationJobTest::metric)) {
      CloudWatchConfig config = new CloudWatchConfig(Map.of("acme",
          new CloudWatchConfig.Target("us-east-1", Optional.of(cloudWatch.endpoint()))));
      List<TenantConfig> tenants = List.of(TestTenants.tenant("acme", lake, Optional.empty()),
          TestTenants.tenant("globex", lake.resolve("globex"), Optional.empty()));
      List<UtilizationJob.UtilizationRun> runs = new UtilizationJob(spark, lake.toString(), config, r -> { })
          .run(tenants, AS_OF);
      assertEquals("utilization tenant=acme period=2024-01 status=SUCCEEDED instances=3 low_utilization=1",
          runs.get(0).progressLine());
      assertEquals("SKIPPED", runs.get(1).status(), "globex is not listed in cloudwatch.yaml");
      assertEquals(List.of("GetMetricData"), cloudWatch.actions());
      assertTrue(cloudWatch.authorizations().get(0).startsWith("AWS4-HMAC-SHA256 Credential=curlake-cw-test-key/"),
          cloudWatch.authorizations().get(0));

      Map<String, Row> table = spark.read().format("delta")
          .load(LakeTable.FCT_INSTANCE_UTILIZATION.location(lake.toString())).collectAsList().stream()
          .collect(Collectors.toMap(r -> r.getAs("instance_id"), r -> r));
      assertEquals(Set.of("i-0aaa", "i-0bbb", "i-0ccc"), table.keySet());
      Row low = table.get("i-0aaa");
      assertEquals(true, low.getAs("is_low_utilization"));
      assertEquals(5, (int) low.getAs("low_days"));
      assertEquals(13, (int) low.getAs("days_with_data"));
      assertEquals("5 of 14 days with CPU <= 10% and network I/O <= 5 MB (13 days with data; needs 4)",
          low.getAs("evidence"));
      assertEquals(java.sql.Date.valueOf(FIRST), low.getAs("window_start"));
      assertEquals(false, table.get("i-0bbb").getAs("is_low_utilization"));
      assertEquals(3, (int) table.get("i-0bbb").getAs("low_days"));
      assertEquals(0, (int) table.get("i-0ccc").getAs("low_days"), "idle CPU but 60 MB a day of network");
      assertEquals("444455556666", table.get("i-0ccc").getAs("usage_account_id"));
    } finally {
      previous.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }
}
