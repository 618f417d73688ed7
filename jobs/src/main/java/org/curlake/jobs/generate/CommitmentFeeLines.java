package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The monthly and hourly fees of commitments, reconciled with the usage they cover: an RIFee per
 * reservation (hours reserved, the recurring fee, the amortized upfront fee, and the unused part of
 * both, from the DiscountedUsage hours actually applied), and a SavingsPlanRecurringFee per plan and
 * fee step (the commitment and how much of it covered usage consumed). Sums are taken as decimals so
 * they do not depend on partitioning.
 */
final class CommitmentFeeLines {
  static final String RI_FEE = "RIFee";
  static final String PLAN_FEE = "SavingsPlanRecurringFee";
  private static final DecimalType EXACT = DataTypes.createDecimalType(38, 10);

  private CommitmentFeeLines() {}

  static Dataset<Row> reservationFees(SparkSession spark, MonthPlan plan, Dataset<Row> usage) {
    RowAllocation rows = plan.rows();
    MonthCatalog c = plan.catalog();
    BillingCalendar calendar = plan.calendar();
    // Only DiscountedUsage rows carry a reservation_index; grouping by it (never null, so no filter is
    // inferred and pushed into the generator) sums the hours each reservation covered.
    Dataset<Row> used = usage.groupBy(coalesce(col("reservation_index"), lit(-1)).as("used_reservation"))
        .agg(sum(col("line_item_usage_amount").cast(EXACT)).as("used_hours"));
    long start = rows.reservationFeeStart();
    Dataset<Row> fees = spark.range(start, start + rows.reservations(), 1, 1)
        .select(col("id").as("row_id"), col("id").minus(start).cast("int").as("reservation"))
        .join(broadcast(used), col("reservation").equalTo(col("used_reservation")), "left");

    Column r = col("reservation");
    Column database = c.reservation("database", r);
    Column region = c.reservation("region", r);
    Column typeName = c.reservation("type_name", r);
    int hours = calendar.monthHours();
    Column usedHours = coalesce(col("used_hours").cast("double"), lit(0.0));
    Column spare = when(plan.hash().fraction("reservation-spare", col("reservation")).lt(0.3), 1).otherwise(0);
    Column count = greatest(lit(1L), ceil(round(usedHours.divide(hours), 6))).plus(spare);
    Column reserved = count.multiply(hours).cast("double");
    Column unused = round(reserved.minus(usedHours), 6);
    Column recurring = c.reservation("recurring", r);
    Column amortized = c.reservation("amortized", r);
    Column cost = round(reserved.multiply(recurring), 10);
    Column unitsText = lit(String.format(Locale.ROOT, "%.10f", (double) hours));

    Map<String, Column> v = new HashMap<>();
    v.put("row_id", col("row_id"));
    v.put("account_index", c.reservation("owner", r));
    v.put("reservation_index", col("reservation"));
    v.put("line_item_line_item_type", lit(RI_FEE));
    v.put("line_item_usage_start_date", calendar.periodStart());
    v.put("line_item_usage_end_date", calendar.lastSecond());
    v.put("identity_time_interval", lit(calendar.startText() + "/" + calendar.lastSecondText()));
    v.put("line_item_product_code", when(database, lit("AmazonRDS")).otherwise(lit("AmazonEC2")));
    v.put("line_item_usage_type", c.reservation("usage_type", r));
    v.put("line_item_operation", when(database, lit("CreateDBInstance:0002")).otherwise(lit("RunInstances")));
    v.put("line_item_usage_amount", reserved);
    v.put("line_item_normalization_factor", c.reservation("normalization_factor", r));
    v.put("line_item_normalized_usage_amount", reserved.multiply(c.reservation("normalization_factor", r)));
    v.put("line_item_unblended_rate", recurring);
    v.put("line_item_unblended_cost", cost);
    v.put("line_item_blended_rate", recurring);
    v.put("line_item_blended_cost", cost);
    v.put("line_item_line_item_description", concat(lit("USD "), PriceText.compact(recurring), lit(" hourly fee per "),
        when(database, lit("MySQL")).otherwise(lit("Linux/UNIX (Amazon VPC)")), lit(", "), typeName,
        lit(" instance")));
    v.put("product", map(lit("product_name"), when(database, lit(c.productName("AmazonRDS")))
            .otherwise(lit(c.productName("AmazonEC2"))), lit("region"), c.region("code", region)));
    v.put("product_static", map(lit("sku"), c.reservation("sku", r)));
    v.put("reservation_reservation_a_r_n", c.reservation("arn", r));
    v.put("reservation_subscription_id", c.reservation("subscription_id", r));
    v.put("reservation_start_time", c.reservation("start_time", r));
    v.put("reservation_end_time", c.reservation("end_time", r));
    v.put("reservation_number_of_reservations", count.cast("string"));
    v.put("reservation_total_reserved_units", PriceText.tenDecimals(reserved));
    v.put("reservation_units_per_reservation", unitsText);
    v.put("reservation_amortized_upfront_fee_for_billing_period", round(reserved.multiply(amortized), 8));
    v.put("reservation_unused_quantity", unused);
    v.put("reservation_unused_recurring_fee", round(unused.multiply(recurring), 8));
    v.put("reservation_unused_amortized_upfront_fee_for_billing_period", round(unused.multiply(amortized), 8));
    v.put("reservation_upfront_value", round(count.multiply(c.reservation("upfront_per_reservation", r)), 2));
    return LineItemSchema.select(fees, v);
  }

  static Dataset<Row> savingsPlanFees(SparkSession spark, MonthPlan plan, Dataset<Row> usage) {
    RowAllocation rows = plan.rows();
    MonthCatalog c = plan.catalog();
    BillingCalendar calendar = plan.calendar();
    int stepHours = rows.feeStepHours();
    // Only SavingsPlanCoveredUsage rows carry a fee_step (and an effective cost).
    Dataset<Row> used = usage.groupBy(coalesce(col("savings_plan_index"), lit(-1)).as("used_plan"),
            coalesce(col("fee_step"), lit(-1L)).as("used_step"))
        .agg(sum(col("savings_plan_savings_plan_effective_cost").cast(EXACT)).as("used_commitment"));
    // No filter here either: the (plan, -1) group of negations has a null sum, which max ignores.
    Dataset<Row> peak = used.groupBy(col("used_plan").as("peak_plan"))
        .agg(max(col("used_commitment")).as("peak_commitment"));
    long start = rows.savingsPlanFeeStart();
    Column index = col("id").minus(start);
    Dataset<Row> fees = spark.range(start, start + rows.savingsPlanFeeRows(), 1, 1)
        .select(col("id").as("row_id"), RowAllocation.quotient(index, rows.feeSteps()).cast("int").as("plan"),
            pmod(index, lit((long) rows.feeSteps())).as("step"))
        .join(broadcast(used), col("plan").equalTo(col("used_plan")).and(col("step").equalTo(col("used_step"))),
            "left")
        .join(broadcast(peak), col("plan").equalTo(col("peak_plan")), "left");

    Column p = col("plan");
    Column peakPerHour = coalesce(col("peak_commitment").cast("double"), lit(0.0)).divide(stepHours);
    Column hourly = when(peakPerHour.gt(0), ceil(round(peakPerHour.multiply(1000), 6)).divide(1000.0))
        .otherwise(c.savingsPlan("fallback_commitment", p));
    Column commitment = round(hourly.multiply(stepHours), 10);
    Column usedCommitment = round(coalesce(col("used_commitment").cast("double"), lit(0.0)), 10);

    Map<String, Column> v = new HashMap<>();
    v.put("row_id", col("row_id"));
    v.put("account_index", lit(0));
    v.put("savings_plan_index", col("plan"));
    v.put("fee_step", col("step"));
    v.put("line_item_line_item_type", lit(PLAN_FEE));
    v.put("line_item_usage_start_date", calendar.stepStart(col("step"), stepHours));
    v.put("line_item_usage_end_date", calendar.stepEnd(col("step"), stepHours));
    v.put("identity_time_interval", calendar.stepText(col("step"), stepHours));
    v.put("line_item_product_code", lit(SavingsPlan.OFFERING_TYPE));
    v.put("line_item_usage_type", c.savingsPlan("usage_type", p));
    v.put("line_item_resource_id", c.savingsPlan("arn", p));
    v.put("line_item_usage_amount", lit((double) stepHours));
    v.put("line_item_unblended_rate", hourly);
    v.put("line_item_unblended_cost", commitment);
    v.put("line_item_blended_rate", hourly);
    v.put("line_item_blended_cost", commitment);
    v.put("line_item_line_item_description", c.savingsPlan("description", p));
    v.put("product", map(lit("product_name"), lit(SavingsPlan.PRODUCT_NAME)));
    v.put("product_static", map(lit("servicecode"), lit(SavingsPlan.OFFERING_TYPE)));
    v.put("savings_plan_savings_plan_a_r_n", c.savingsPlan("arn", p));
    v.put("savings_plan_offering_type", lit(SavingsPlan.OFFERING_TYPE));
    v.put("savings_plan_payment_option", lit(SavingsPlan.PAYMENT_OPTION));
    v.put("savings_plan_purchase_term", c.savingsPlan("term", p));
    v.put("savings_plan_start_time", c.savingsPlan("start_time", p));
    v.put("savings_plan_end_time", c.savingsPlan("end_time", p));
    v.put("savings_plan_total_commitment_to_date", commitment);
    v.put("savings_plan_used_commitment", usedCommitment);
    v.put("savings_plan_recurring_commitment_for_billing_period", commitment);
    v.put("savings_plan_amortized_upfront_commitment_for_billing_period", lit(0.0));
    return LineItemSchema.select(fees, v);
  }
}
