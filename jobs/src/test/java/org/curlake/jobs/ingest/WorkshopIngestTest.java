package org.curlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.lake.WorkshopLake;
import org.curlake.jobs.lake.TableChecksum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Ingest of the real WorkshopCUR: three months with schema drift, reconciled to the cent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkshopIngestTest {
  private final SparkSession spark = SharedSpark.session();
  private List<IngestRun> first;
  private Dataset<Row> bronze;

  /** The suite's workshop lake, ingested once per test JVM by the real jobs (read-only here). */
  @BeforeAll
  void ingestWorkshop() {
    first = WorkshopLake.ingestRuns();
    bronze = spark.read().format("delta").load(LakeTable.CUR_LINE_ITEMS.location(WorkshopLake.path().toString()));
  }

  private IngestJob job(Path lake, boolean force) {
    return new IngestJob(spark, lake.toString(), Clock.systemUTC(), force, run -> { });
  }

  @Test
  void everyMonthSucceedsDespiteSchemaDrift() {
    Set<Integer> columnCounts = new TreeSet<>();
    for (int month = 10; month <= 12; month++) {
      columnCounts.add(IngestFixtures.workshopMonth(spark, month).columns().length);
    }
    assertTrue(columnCounts.size() > 1, "the workshop months have different column sets: " + columnCounts);
    assertEquals(List.of("2018-10", "2018-11", "2018-12"),
        first.stream().map(IngestRun::billingPeriod).toList());
    first.forEach(run -> assertEquals(RunStatus.SUCCEEDED, run.status(), run.progressLine()));
  }

  @Test
  void rowCountsMatchTheRawFiles() {
    Map<String, Long> bronzeRows = new TreeMap<>();
    bronze.groupBy("billing_period").count().collectAsList()
        .forEach(r -> bronzeRows.put(r.getString(0), r.getLong(1)));
    Map<String, Long> rawRows = new TreeMap<>();
    for (int month = 10; month <= 12; month++) {
      rawRows.put("2018-" + month, IngestFixtures.workshopMonth(spark, month).count());
    }
    assertEquals(rawRows, bronzeRows);
    for (IngestRun run : first) {
      assertEquals(rawRows.get(run.billingPeriod()), run.rowsIn());
      assertEquals(run.rowsIn(), run.rowsWritten());
    }
  }

  @Test
  void unblendedCostReconcilesToTheCentPerMonthAndLineItemType() {
    for (int month = 10; month <= 12; month++) {
      Map<String, BigDecimal> raw = centsBy(IngestFixtures.workshopMonth(spark, month)
          .groupBy("line_item_line_item_type").agg(sum("line_item_unblended_cost")));
      Map<String, BigDecimal> ingested = centsBy(bronze.where(col("billing_period").equalTo(lit("2018-" + month)))
          .groupBy("line_item_line_item_type").agg(sum("line_item_unblended_cost")));
      assertEquals(raw, ingested, "month " + month);
      assertTrue(raw.values().stream().anyMatch(v -> v.signum() > 0));
    }
  }

  @Test
  void legacyTagColumnsBecomeOneMapWithoutEmptyValues() {
    List<Row> tagged = bronze.where("resource_tags['user_environment'] is not null")
        .select("resource_tags").limit(5).collectAsList();
    assertFalse(tagged.isEmpty(), "some workshop rows carry user:Environment");
    long emptyValues = bronze.where("exists(map_values(resource_tags), v -> v is null or v = '')").count();
    assertEquals(0, emptyValues);
    long rawTagged = IngestFixtures.workshopMonth(spark, 10)
        .where("resource_tags_user_environment is not null and resource_tags_user_environment != ''").count();
    long bronzeTagged = bronze.where("billing_period = '2018-10' and resource_tags['user_environment'] is not null")
        .count();
    assertEquals(rawTagged, bronzeTagged);
  }

  @Test
  void legacyRegionColumnMapsToTheCanonicalName() {
    long raw = IngestFixtures.workshopMonth(spark, 11).where("product_region = 'us-east-1'").count();
    long ingested = bronze.where("billing_period = '2018-11' and product_region_code = 'us-east-1'").count();
    assertEquals(raw, ingested);
    assertTrue(raw > 0);
  }

  @Test
  void rerunSkipsUnchangedDeliveriesAndForcedRerunIsIdempotent() throws java.io.IOException {
    Path lake = WorkshopLake.privateCopy("workshop-ingest-rerun");
    TableChecksum before = TableChecksum.of(bronze);
    IngestReport again = job(lake, false).run(List.of(WorkshopLake.tenant()), Optional.empty());
    again.runs().forEach(run -> assertEquals(RunStatus.SKIPPED, run.status(), run.progressLine()));

    IngestReport forced = job(lake, true).run(List.of(WorkshopLake.tenant()), Optional.of(BillingPeriod.parse("2018-11")));
    assertEquals(RunStatus.SUCCEEDED, forced.runs().get(0).status());
    assertEquals(before, TableChecksum.of(spark.read().format("delta")
        .load(LakeTable.CUR_LINE_ITEMS.location(lake.toString()))));
    assertNotEquals(BigDecimal.ZERO, before.checksum());

    Dataset<Row> runs = spark.read().format("delta").load(LakeTable.INGEST_RUNS.location(lake.toString()));
    List<String> statuses = new ArrayList<>();
    runs.where("tenant_id = 'workshop' and billing_period = '2018-11'").orderBy("started_at")
        .select("status").collectAsList().forEach(r -> statuses.add(r.getString(0)));
    assertEquals(List.of("SUCCEEDED", "SKIPPED", "SUCCEEDED"), statuses);
    WorkshopLake.deleteCopy(lake);
  }

  private static Map<String, BigDecimal> centsBy(Dataset<Row> grouped) {
    Map<String, BigDecimal> result = new TreeMap<>();
    for (Row row : grouped.collectAsList()) {
      Object value = row.get(1);
      BigDecimal amount = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).doubleValue());
      result.put(row.getString(0), amount.setScale(2, RoundingMode.HALF_EVEN));
    }
    return result;
  }
}
