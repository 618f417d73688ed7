package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.lake.WorkshopLake;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.quality.QualityRulesLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The curated marts of the real WorkshopCUR, checked against the raw files computed independently. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CuratedWorkshopTest {
  private final SparkSession spark = SharedSpark.session();
  private Path lake;
  private TenantConfig workshop;
  private List<CurateRun> runs;

  /** The lake ingested and curated once for the test JVM by the real jobs (read-only; writers take a copy). */
  @BeforeAll
  void ingestAndCurate() {
    lake = WorkshopLake.path();
    workshop = WorkshopLake.tenant();
    runs = WorkshopLake.curateRuns();
  }

  /** The workshop tenant's rows of a table of the shared lake. */
  private Dataset<Row> table(LakeTable table) {
    return table(lake, table);
  }

  private Dataset<Row> table(Path lake, LakeTable table) {
    return allTenants(lake, table).where(col("tenant_id").equalTo("workshop"));
  }

  private Dataset<Row> allTenants(Path lake, LakeTable table) {
    return spark.read().format("delta").load(table.location(lake.toString()));
  }

  private Dataset<Row> raw() {
    return spark.read().option("mergeSchema", "true").parquet(TestTenants.workshopData().toString())
        .withColumn("period", org.apache.spark.sql.functions.concat(col("year"), lit("-"),
            org.apache.spark.sql.functions.lpad(col("month"), 2, "0")));
  }

  @Test
  void everyPeriodAndTheTenantMartsSucceedWithNothingQuarantined() {
    assertEquals(4, runs.size());
    runs.forEach(run -> assertTrue(!run.failed(), run.progressLine()));
    runs.stream().filter(r -> r.billingPeriod() != null)
        .forEach(run -> assertEquals(0, run.quarantinedRows(), run.progressLine()));
  }

  @Test
  void unblendedPerMonthEqualsTheRawFilesToTheCent() {
    assertEquals(cents(raw(), "period", col("line_item_unblended_cost")),
        cents(table(LakeTable.FCT_COST_DAILY), "billing_period", col("unblended_cost")));
  }

  /**
   * Amortized cost computed here from the raw files with the CUR rules, independently of the SQL
   * models: usage at its (effective) cost, and only the unused part of each RI fee, so the RI fee
   * is not counted twice.
   */
  @Test
  void amortizedPerMonthEqualsTheCurEffectiveCostRules() {
    Column type = col("line_item_line_item_type");
    Column amortized = when(type.equalTo("DiscountedUsage"), col("reservation_effective_cost"))
        .when(type.equalTo("RIFee"), coalesce(col("reservation_unused_amortized_upfront_fee_for_billing_period"), lit(0))
            .plus(coalesce(col("reservation_unused_recurring_fee"), lit(0))))
        .otherwise(col("line_item_unblended_cost"));
    Map<String, BigDecimal> expected = cents(raw(), "period", amortized);
    assertEquals(expected, cents(table(LakeTable.FCT_COST_DAILY), "billing_period", col("amortized_cost")));

    Map<String, BigDecimal> unblended = cents(raw(), "period", col("line_item_unblended_cost"));
    Map<String, BigDecimal> fullRiFeePlusEffective = cents(raw(), "period",
        when(type.equalTo("DiscountedUsage"), col("reservation_effective_cost")).otherwise(col("line_item_unblended_cost")));
    for (String period : expected.keySet()) {
      assertTrue(expected.get(period).compareTo(fullRiFeePlusEffective.get(period)) < 0,
          "counting whole RI fees on top of effective cost would double count in " + period);
      assertTrue(expected.get(period).compareTo(unblended.get(period)) != 0, period);
    }
  }

  @Test
  void focusCostsCarryTheSameTotals() {
    assertEquals(cents(table(LakeTable.FCT_COST_DAILY), "billing_period", col("unblended_cost")),
        cents(table(LakeTable.FOCUS_COSTS), "billing_period", col("BilledCost")));
    assertEquals(cents(table(LakeTable.FCT_COST_DAILY), "billing_period", col("amortized_cost")),
        cents(table(LakeTable.FOCUS_COSTS), "billing_period", col("EffectiveCost")));
    assertEquals(0, table(LakeTable.FOCUS_COSTS).where("ChargeCategory is null or ChargePeriodStart is null").count());
  }

  @Test
  void everyTagKeyAllocatesTheWholeCostIncludingAnUntaggedBucket() {
    Dataset<Row> byTag = table(LakeTable.FCT_COST_BY_TAG);
    Map<String, BigDecimal> total = cents(table(LakeTable.FCT_COST_DAILY), "billing_period", col("amortized_cost"));
    for (String key : List.of("environment", "costcenter")) {
      assertEquals(total, cents(byTag.where(col("tag_key").equalTo(key)), "billing_period", col("amortized_cost")), key);
    }
    assertTrue(byTag.where("tag_key = 'environment' and tag_value = 'untagged'").count() > 0);
    long tagged = byTag.where("tag_key = 'environment' and tag_value != 'untagged'").count();
    assertTrue(tagged > 0, "user:Environment values are matched case-insensitively to the configured key");
  }

  @Test
  void accountsGetTheirBusinessUnitFromConfigOrAreUnallocated() {
    Map<String, String> units = new TreeMap<>();
    table(LakeTable.DIM_ACCOUNTS).collectAsList()
        .forEach(r -> units.put(r.getAs("account_id"), r.getAs("business_unit")));
    assertEquals(Map.of("011254002932", "Unallocated", "836060457634", "Platform"), units);
  }

  @Test
  void monthlySummaryCarriesThePreviousMonth() {
    Dataset<Row> monthly = table(LakeTable.FCT_COST_MONTHLY);
    Row november = monthly.where("billing_period = '2018-11' and usage_account_id = '836060457634' "
        + "and product_code = 'AmazonEC2'").first();
    Row october = monthly.where("billing_period = '2018-10' and usage_account_id = '836060457634' "
        + "and product_code = 'AmazonEC2'").first();
    assertEquals(0, ((BigDecimal) october.getAs("amortized_cost"))
        .compareTo(november.getAs("previous_amortized_cost")));
    assertEquals(0, ((BigDecimal) november.getAs("amortized_cost")).subtract(october.getAs("amortized_cost"))
        .compareTo(november.getAs("amortized_change")));
    assertEquals(0, monthly.where("billing_period = '2018-10' and previous_amortized_cost is not null").count());
  }

  /** Every mart's keys, not-null columns and accepted values (from its .yml) hold on real data too. */
  @Test
  void everyMartMeetsItsExpectationsOnRealData() {
    Map<String, LakeTable> marts = new java.util.LinkedHashMap<>(CurateJob.PERIOD_MARTS);
    marts.putAll(CurateJob.TENANT_MARTS);
    marts.forEach((model, lakeTable) -> ModelAssertions.assertKeysNotNullAndAcceptedValues(
        ModelExpectations.load(model), table(lakeTable), model + " on WorkshopCUR"));
  }

  /** Incremental: unchanged inputs are skipped; a changed tenant config re-curates what it affects. */
  @Test
  void rerunSkipsUnchangedPeriodsAndRecuratesWhenTheConfigChanges() throws IOException {
    Path lake = WorkshopLake.privateCopy("curated-workshop-rerun");
    List<org.curlake.jobs.ingest.RunStatus> statuses = new CurateJob(spark, lake.toString(),
        new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load().validity(), false, r -> { })
        .run(List.of(workshop), Optional.empty()).stream().map(CurateRun::status).toList();
    assertEquals(java.util.Collections.nCopies(4, org.curlake.jobs.ingest.RunStatus.SKIPPED), statuses);

    TenantConfig moreTags = new TenantConfig(workshop.id(), workshop.displayName(), true, workshop.source(),
        workshop.accounts(), List.of("Environment", "user:CostCenter", "Workload"), Optional.empty());
    List<CurateRun> rerun = new CurateJob(spark, lake.toString(),
        new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load().validity(), false, r -> { })
        .run(List.of(moreTags), Optional.of(org.curlake.jobs.ingest.BillingPeriod.parse("2018-12")));
    assertEquals(List.of(org.curlake.jobs.ingest.RunStatus.SUCCEEDED, org.curlake.jobs.ingest.RunStatus.SUCCEEDED),
        rerun.stream().map(CurateRun::status).toList());
    assertTrue(table(lake, LakeTable.FCT_COST_BY_TAG).where("billing_period = '2018-12' and tag_key = 'workload'").count() > 0);
    WorkshopLake.deleteCopy(lake);
  }

  /** FOCUS as input: the workshop's own FOCUS rows, delivered as a FOCUS export, curate to the same totals. */
  @Test
  void aFocusExportOfTheSameCostsCuratesToTheSameTotals() throws IOException {
    Path lake = WorkshopLake.privateCopy("curated-workshop-focus");
    Path export = Files.createTempDirectory(lake, "focus-export");
    Dataset<Row> focus = table(lake, LakeTable.FOCUS_COSTS);
    for (Row period : focus.select("billing_period").distinct().collectAsList()) {
      focus.where(col("billing_period").equalTo(period.getString(0))).drop("tenant_id", "billing_period")
          .coalesce(1).write().parquet(export.resolve("data/BILLING_PERIOD=" + period.getString(0)).toString());
    }
    TenantConfig focusTenant = TestTenants.tenant("workshop_focus", export, Optional.empty());
    var ingest = new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, r -> { })
        .run(List.of(focusTenant), Optional.empty());
    ingest.runs().forEach(run -> assertEquals("focus", run.sourceFormat(), run.progressLine()));
    new CurateJob(spark, lake.toString(), List.of(), false, r -> assertTrue(!r.failed(), r.progressLine()))
        .run(List.of(focusTenant), Optional.empty());

    Dataset<Row> daily = allTenants(lake, LakeTable.FCT_COST_DAILY);
    for (String measure : List.of("unblended_cost", "amortized_cost", "usage_amount")) {
      assertEquals(cents(daily.where("tenant_id = 'workshop'"), "billing_period", col(measure)),
          cents(daily.where("tenant_id = 'workshop_focus'"), "billing_period", col(measure)), measure);
    }
    assertEquals(daily.where("tenant_id = 'workshop'").select("line_item_type", "product_code", "region_code").distinct().count(),
        daily.where("tenant_id = 'workshop_focus'").select("line_item_type", "product_code", "region_code").distinct().count());
    WorkshopLake.deleteCopy(lake);
  }

  private static Map<String, BigDecimal> cents(Dataset<Row> rows, String periodColumn, Column amount) {
    Map<String, BigDecimal> result = new TreeMap<>();
    for (Row row : rows.groupBy(periodColumn).agg(sum(amount.cast("decimal(30,10)"))).collectAsList()) {
      result.put(row.getString(0), row.getDecimal(1).setScale(2, RoundingMode.HALF_EVEN));
    }
    return result;
  }
}
