package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import org.curlake.config.SourceFormat;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.ingest.BillingPeriod;
import org.curlake.jobs.ingest.CanonicalColumn;
import org.curlake.jobs.ingest.CanonicalSchema;
import org.curlake.jobs.ingest.CurNormalizer;
import org.curlake.jobs.ingest.SourceFormatDetector;
import org.curlake.jobs.lake.TableChecksum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One legacy (hourly) and one CUR 2.0 (daily) month of 4,000 rows, checked like a FinOps analyst would. */
class SyntheticCurTest {
  static final YearMonth MARCH = YearMonth.of(2024, 3);
  static final List<String> TYPES = List.of("Usage", "DiscountedUsage", "RIFee", "SavingsPlanCoveredUsage",
      "SavingsPlanNegation", "SavingsPlanRecurringFee", "Tax", "Credit");
  static Dataset<Row> legacy;
  static Dataset<Row> cur2;

  /**
   * A month generated in a child session without whole-stage codegen: rows do not depend on codegen
   * settings, and small test months are dominated by compiling, which this keeps short (queries that
   * hash or filter a fresh month would otherwise fuse into methods too large to compile).
   */
  static Dataset<Row> month(SourceFormat format, Grain grain, long rows, long seed, YearMonth period) {
    GeneratorSpec spec = new GeneratorSpec("acme", format, seed, period, 1, rows, 4, grain);
    SparkSession session = SyntheticCur.generatorSession(SharedSpark.session());
    session.conf().set("spark.sql.codegen.wholeStage", "false");
    return SyntheticCur.month(session, spec, period);
  }

  @BeforeAll
  static void generate() {
    legacy = month(SourceFormat.LEGACY_CUR, Grain.HOURLY, 4000, 7, MARCH).cache();
    cur2 = month(SourceFormat.CUR2, Grain.DAILY, 4000, 7, MARCH).cache();
    legacy.count();
    cur2.count();
  }

  @AfterAll
  static void release() {
    legacy.unpersist();
    cur2.unpersist();
  }

  @Test
  void sameSeedGivesTheSameRows() {
    assertEquals(TableChecksum.of(legacy), TableChecksum.of(month(SourceFormat.LEGACY_CUR, Grain.HOURLY, 4000, 7, MARCH)));
    assertEquals(TableChecksum.of(cur2), TableChecksum.of(month(SourceFormat.CUR2, Grain.DAILY, 4000, 7, MARCH)));
  }

  @Test
  void anotherSeedGivesOtherRows() {
    Dataset<Row> other = month(SourceFormat.LEGACY_CUR, Grain.HOURLY, 4000, 8, MARCH);
    assertNotEquals(TableChecksum.of(legacy), TableChecksum.of(other));
    assertNotEquals(payer(legacy), payer(other));
  }

  @Test
  void rowCountsAreExact() {
    assertEquals(4000, legacy.count());
    assertEquals(4000, cur2.count());
    assertEquals(1, month(SourceFormat.CUR2, Grain.HOURLY, 1, 3, MARCH).count());
    assertEquals(7, month(SourceFormat.CUR2, Grain.HOURLY, 7, 3, MARCH).count());
    assertEquals(2001, month(SourceFormat.LEGACY_CUR, Grain.DAILY, 2001, 3, MARCH).count());
  }

  @Test
  void lineItemIdsAreUnique() {
    for (Dataset<Row> month : List.of(legacy, cur2)) {
      assertEquals(4000, month.select(countDistinct("identity_line_item_id")).first().getLong(0));
    }
  }

  @Test
  void ingestReadsEveryRequiredCanonicalColumnNonNull() {
    for (Dataset<Row> month : List.of(legacy, cur2)) {
      SourceFormat format = month == legacy ? SourceFormat.LEGACY_CUR : SourceFormat.CUR2;
      assertEquals(format, SourceFormatDetector.detect(month.schema()).orElseThrow());
      Dataset<Row> bronze = CurNormalizer.normalize(month, "acme", BillingPeriod.of(2024, 3));
      List<CanonicalColumn> required = CanonicalSchema.required();
      Column[] nulls = required.stream()
          .map(c -> sum(when(col(c.name()).isNull(), 1).otherwise(0)).as(c.name())).toArray(Column[]::new);
      Row counts = bronze.agg(nulls[0], Arrays.copyOfRange(nulls, 1, nulls.length)).first();
      for (int i = 0; i < required.size(); i++) {
        assertEquals(0L, counts.getLong(i), format + ": nulls in " + required.get(i).name());
      }
      assertTrue(bronze.where(col("product_product_name").isNull().or(col("product_region_code").isNull())
          .and(col("line_item_line_item_type").equalTo("Usage"))).isEmpty(), format + ": product name and region");
    }
  }

  @Test
  void mixesEveryLineItemType() {
    for (Dataset<Row> month : List.of(legacy, cur2)) {
      Set<String> types = new HashSet<>(month.select("line_item_line_item_type").distinct().as(
          Encoders.STRING()).collectAsList());
      assertEquals(new HashSet<>(TYPES), types);
    }
  }

  @Test
  void savingsPlanNegationsCancelTheCoveredUsage() {
    for (Dataset<Row> month : List.of(legacy, cur2)) {
      Dataset<Row> pairs = month.where(col("line_item_line_item_type").isin("SavingsPlanCoveredUsage",
              "SavingsPlanNegation"))
          .groupBy("line_item_resource_id", "line_item_usage_start_date", "line_item_usage_type")
          .agg(sum(exact("line_item_unblended_cost")).as("net"),
              sum(when(col("line_item_line_item_type").equalTo("SavingsPlanNegation"), 1).otherwise(0)).as("negations"),
              count(lit(1)).as("lines"));
      assertTrue(pairs.count() > 0);
      assertTrue(pairs.where(col("net").notEqual(0).or(col("negations").notEqual(1)).or(col("lines").notEqual(2)))
          .isEmpty(), "every covered line has one negation of equal and opposite cost");
      Row covered = month.where(col("line_item_line_item_type").equalTo("SavingsPlanCoveredUsage"))
          .agg(sum(abs(col("line_item_unblended_cost").minus(col("pricing_public_on_demand_cost")))),
              sum(when(col("savings_plan_savings_plan_effective_cost").geq(col("line_item_unblended_cost")), 1)
                  .otherwise(0)))
          .first();
      assertEquals(0.0, covered.getDouble(0), 1e-9, "covered usage is billed at the on-demand cost");
      assertEquals(0L, covered.getLong(1), "the plan's effective cost is below on demand");
    }
  }

  @Test
  void reservationFeesReconcileWithDiscountedUsage() {
    for (Dataset<Row> month : List.of(legacy, cur2)) {
      Dataset<Row> discounted = month.where(col("line_item_line_item_type").equalTo("DiscountedUsage"));
      Row check = discounted.agg(max(abs(col("line_item_unblended_cost"))),
          max(abs(col("reservation_effective_cost").minus(col("reservation_recurring_fee_for_usage"))
              .minus(col("reservation_amortized_upfront_cost_for_usage"))))).first();
      assertEquals(0.0, check.getDouble(0), "DiscountedUsage has no unblended cost (as in the real CUR)");
      assertEquals(0.0, check.getDouble(1), 1e-9, "effective = recurring + amortized upfront");
      assertTrue(discounted.where(col("pricing_term").notEqual("Reserved")).isEmpty());

      Dataset<Row> used = discounted.groupBy(col("reservation_reservation_a_r_n").as("arn"))
          .agg(sum(exact("line_item_usage_amount")).as("used"));
      List<Row> fees = month.where(col("line_item_line_item_type").equalTo("RIFee"))
          .join(used, col("reservation_reservation_a_r_n").equalTo(col("arn")), "left")
          .select(col("reservation_total_reserved_units").cast("double"), col("reservation_unused_quantity"),
              coalesce(col("used").cast("double"), lit(0.0)), col("line_item_usage_amount"))
          .collectAsList();
      assertFalse(fees.isEmpty());
      for (Row fee : fees) {
        assertEquals(fee.getDouble(0) - fee.getDouble(1), fee.getDouble(2), 1e-6, "reserved - unused = applied hours");
        assertEquals(fee.getDouble(0), fee.getDouble(3), 1e-9);
        assertTrue(fee.getDouble(1) >= 0);
      }
    }
  }

  @Test
  void savingsPlanFeesReconcileWithCoveredUsage() {
    for (Dataset<Row> month : List.of(legacy, cur2)) {
      Dataset<Row> fees = month.where(col("line_item_line_item_type").equalTo("SavingsPlanRecurringFee"));
      assertTrue(fees.where(col("savings_plan_used_commitment").gt(col("savings_plan_total_commitment_to_date")
          .plus(1e-9))).isEmpty(), "a plan never uses more than its commitment");
      List<Row> byPlan = fees.groupBy(col("savings_plan_savings_plan_a_r_n").as("arn"))
          .agg(sum(exact("savings_plan_used_commitment")).as("used"))
          .join(month.where(col("line_item_line_item_type").equalTo("SavingsPlanCoveredUsage"))
              .groupBy(col("savings_plan_savings_plan_a_r_n").as("arn"))
              .agg(sum(exact("savings_plan_savings_plan_effective_cost")).as("effective")), "arn")
          .collectAsList();
      assertFalse(byPlan.isEmpty());
      for (Row plan : byPlan) {
        assertEquals(plan.getDecimal(2).doubleValue(), plan.getDecimal(1).doubleValue(), 1e-6, plan.getString(0));
      }
    }
  }

  @Test
  void resourcesRecurAcrossDaysAndStayInOneAccountRegionAndService() {
    String region = "product_region";
    Dataset<Row> resources = legacy.where(col("line_item_line_item_type").equalTo("Usage")
            .and(col("line_item_resource_id").notEqual("")))
        .groupBy("line_item_resource_id")
        .agg(countDistinct("line_item_usage_account_id").as("accounts"), countDistinct(region).as("regions"),
            countDistinct("line_item_product_code").as("services"),
            countDistinct(to_date(col("line_item_usage_start_date"))).as("days"));
    assertTrue(resources.where(col("accounts").gt(1).or(col("regions").gt(1)).or(col("services").gt(1))).isEmpty());
    long total = resources.count();
    long recurring = resources.where(col("days").geq(2)).count();
    assertTrue(total > 50, "resources: " + total);
    assertTrue(recurring * 2 > total, recurring + " of " + total + " resources recur on several days");
  }

  @Test
  void usageFollowsTheGrainInsideThePeriod() {
    checkIntervals(legacy, 3600);
    checkIntervals(cur2, 86400);
  }

  private static void checkIntervals(Dataset<Row> month, long seconds) {
    Dataset<Row> usage = month.where(col("line_item_line_item_type").isin("Usage", "DiscountedUsage",
        "SavingsPlanCoveredUsage", "SavingsPlanNegation"));
    Column length = col("line_item_usage_end_date").cast("long").minus(col("line_item_usage_start_date").cast("long"));
    String format = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    Column text = concat(date_format(col("line_item_usage_start_date"), format), lit("/"),
        date_format(col("line_item_usage_end_date"), format));
    assertTrue(usage.where(length.notEqual(seconds)).isEmpty(), "intervals of " + seconds + " s");
    assertTrue(usage.where(col("identity_time_interval").notEqual(text)).isEmpty(), "identity_time_interval");
    assertTrue(month.where(col("line_item_usage_start_date").lt(col("bill_billing_period_start_date"))
        .or(col("line_item_usage_end_date").gt(col("bill_billing_period_end_date")))).isEmpty(), "inside the period");
  }

  @Test
  void legacyHasAthenaStyleColumns() {
    StructType schema = legacy.schema();
    Set<String> names = Set.of(schema.fieldNames());
    for (String tag : List.of("resource_tags_user_environment", "resource_tags_user_env", "resource_tags_user_cost_center",
        "resource_tags_user_costcenter", "resource_tags_user_project", "resource_tags_user_team",
        "resource_tags_user_name", "resource_tags_aws_created_by")) {
      assertEquals(DataTypes.StringType, schema.apply(tag).dataType(), tag);
    }
    assertTrue(names.containsAll(List.of("product_product_name", "product_region", "product_servicecode",
        "product_location", "product_usagetype", "reservation_reservation_a_r_n", "savings_plan_savings_plan_a_r_n")));
    for (String absent : List.of("resource_tags", "product", "product_region_code", "line_item_net_unblended_cost",
        "bill_payer_account_name", "line_item_usage_account_name")) {
      assertFalse(names.contains(absent), absent);
    }
    assertEquals(DataTypes.StringType, schema.apply("line_item_unblended_rate").dataType());
    assertEquals(DataTypes.DoubleType, schema.apply("line_item_unblended_cost").dataType());
    assertEquals(DataTypes.TimestampType, schema.apply("line_item_usage_start_date").dataType());
    assertTrue(legacy.where(col("line_item_unblended_rate").rlike("^-?\\d+\\.\\d{10}$").or(col("line_item_unblended_rate")
        .equalTo(""))).count() == 4000, "rates are 10-decimal strings");
  }

  @Test
  void cur2HasMapsAccountNamesAndNetColumns() {
    StructType schema = cur2.schema();
    for (String map : List.of("resource_tags", "product", "cost_category", "discount")) {
      assertTrue(schema.apply(map).dataType() instanceof MapType, map);
    }
    Set<String> names = Set.of(schema.fieldNames());
    assertTrue(names.containsAll(List.of("product_region_code", "bill_payer_account_name", "line_item_usage_account_name",
        "line_item_net_unblended_cost", "reservation_net_effective_cost", "savings_plan_net_savings_plan_effective_cost")));
    assertFalse(names.contains("product_region"));
    assertFalse(names.stream().anyMatch(n -> n.startsWith("resource_tags_")));
    List<String> sorted = new ArrayList<>(List.of(schema.fieldNames()));
    Collections.sort(sorted);
    assertEquals(sorted, List.of(schema.fieldNames()), "CUR 2.0 columns are in alphabetical order");
    assertTrue(cur2.where(col("product").getItem("product_name").isNull()).isEmpty());
    assertTrue(cur2.where(col("line_item_net_unblended_cost").isNull()).isEmpty());

    Set<String> tagKeys = new HashSet<>(cur2.select(explode(map_keys(col("resource_tags")))).distinct()
        .as(Encoders.STRING()).collectAsList());
    assertTrue(Set.of("user_environment", "user_env", "user_cost_center", "user_costcenter", "user_project",
        "user_team", "user_name", "aws_created_by").containsAll(tagKeys), tagKeys.toString());
    assertTrue(tagKeys.containsAll(Set.of("user_environment", "user_cost_center", "user_costcenter")), tagKeys.toString());
    Set<String> productKeys = new HashSet<>(cur2.select(explode(map_keys(col("product")))).distinct()
        .as(Encoders.STRING()).collectAsList());
    assertTrue(new HashSet<>(LineItemSchema.PRODUCT_KEYS).containsAll(productKeys), productKeys.toString());
  }

  @Test
  void tagsComeInCaseVariantsWithUnicodeAndGaps() {
    Set<String> environments = new HashSet<>(legacy.select("resource_tags_user_environment").distinct()
        .as(Encoders.STRING()).collectAsList());
    assertTrue(environments.contains("Production") && environments.contains("prod"), environments.toString());
    assertTrue(legacy.where(col("resource_tags_user_cost_center").notEqual("")).count() > 0);
    assertTrue(legacy.where(col("resource_tags_user_costcenter").notEqual("")).count() > 0);
    assertTrue(legacy.where(col("resource_tags_user_project").rlike("[^\\x00-\\x7F]")).count() > 0, "unicode values");
    Column untagged = lit(true);
    for (String field : legacy.schema().fieldNames()) {
      if (field.startsWith("resource_tags_user_")) {
        untagged = untagged.and(col(field).equalTo(""));
      }
    }
    assertTrue(legacy.where(col("line_item_line_item_type").equalTo("Usage").and(untagged)).count() > 0);
  }

  @Test
  void publicIpv4IsBilledUnderAmazonVpcFromFebruary2024() {
    Dataset<Row> january = month(SourceFormat.LEGACY_CUR, Grain.DAILY, 4000, 7, YearMonth.of(2024, 1));
    assertTrue(january.where(col("line_item_usage_type").contains("ElasticIP:")).count() > 0);
    assertTrue(january.where(col("line_item_usage_type").contains("PublicIPv4")).isEmpty());
    assertTrue(cur2.where(col("line_item_usage_type").contains("PublicIPv4:")
        .and(col("line_item_product_code").equalTo("AmazonVPC"))).count() > 0);
  }

  private static Column exact(String column) {
    return col(column).cast(DataTypes.createDecimalType(38, 10));
  }

  private static String payer(Dataset<Row> month) {
    return month.select("bill_payer_account_id").first().getString(0);
  }
}
