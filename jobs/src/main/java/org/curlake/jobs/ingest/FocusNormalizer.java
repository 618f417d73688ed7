package org.curlake.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Maps a FOCUS 1.x export (AWS Data Exports, FOCUS 1.0 with AWS columns) onto the CUR column names
 * {@link CurNormalizer} reads: one pure {@code Dataset<Row> -> Dataset<Row>} function. FOCUS has no
 * line item type, so it is derived from ChargeCategory and the commitment columns; its
 * EffectiveCost is kept as {@code effective_cost}, which the curated layer takes as the amortized
 * cost. FOCUS has no line item id either: a SHA-256 of the row's content stands in for it.
 */
public final class FocusNormalizer {
  private FocusNormalizer() {}

  public static Dataset<Row> toCurColumns(Dataset<Row> focus) {
    Map<String, Column> cur = new LinkedHashMap<>();
    cur.put("identity_line_item_id", sha2(to_json(struct(focus.columns().length == 0 ? new Column[0]
        : Arrays.stream(focus.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new))), 256));
    cur.put("identity_time_interval", optional(focus, "ChargePeriodStart").cast("string"));
    cur.put("bill_payer_account_id", optional(focus, "BillingAccountId"));
    cur.put("bill_payer_account_name", optional(focus, "BillingAccountName"));
    cur.put("bill_billing_period_start_date", optional(focus, "BillingPeriodStart"));
    cur.put("bill_billing_period_end_date", optional(focus, "BillingPeriodEnd"));
    cur.put("line_item_usage_account_id", optional(focus, "SubAccountId"));
    cur.put("line_item_usage_account_name", optional(focus, "SubAccountName"));
    cur.put("line_item_line_item_type", lineItemType(focus));
    cur.put("line_item_usage_start_date", optional(focus, "ChargePeriodStart"));
    cur.put("line_item_usage_end_date", optional(focus, "ChargePeriodEnd"));
    cur.put("line_item_product_code", coalesce(optional(focus, "x_ServiceCode"), optional(focus, "ServiceName")));
    cur.put("product_product_name", optional(focus, "ServiceName"));
    cur.put("line_item_usage_type", optional(focus, "x_UsageType"));
    cur.put("line_item_operation", optional(focus, "x_Operation"));
    cur.put("product_region_code", optional(focus, "RegionId"));
    cur.put("line_item_availability_zone", optional(focus, "AvailabilityZone"));
    cur.put("line_item_resource_id", optional(focus, "ResourceId"));
    cur.put("product_sku", optional(focus, "SkuId"));
    cur.put("line_item_usage_amount", optional(focus, "ConsumedQuantity"));
    cur.put("pricing_unit", optional(focus, "PricingUnit"));
    cur.put("line_item_currency_code", optional(focus, "BillingCurrency"));
    cur.put("line_item_line_item_description", optional(focus, "ChargeDescription"));
    cur.put("line_item_unblended_cost", optional(focus, "BilledCost"));
    cur.put("pricing_public_on_demand_cost", optional(focus, "ListCost"));
    cur.put("effective_cost", optional(focus, "EffectiveCost"));
    Column commitment = optional(focus, "CommitmentDiscountId");
    Column commitmentType = coalesce(optional(focus, "CommitmentDiscountType"), lit(""));
    cur.put("reservation_reservation_a_r_n", when(commitmentType.contains("Reserv"), commitment));
    cur.put("savings_plan_savings_plan_a_r_n", when(commitmentType.contains("Savings"), commitment));
    cur.put("resource_tags", optional(focus, "Tags"));
    return focus.select(cur.entrySet().stream().map(e -> e.getValue().as(e.getKey())).toArray(Column[]::new));
  }

  /** FOCUS carries no CUR line item type; derive it from the charge and commitment columns. */
  private static Column lineItemType(Dataset<Row> focus) {
    Column explicit = optional(focus, "x_LineItemType");
    Column category = coalesce(optional(focus, "ChargeCategory"), lit(""));
    Column type = coalesce(optional(focus, "CommitmentDiscountType"), lit(""));
    Column status = coalesce(optional(focus, "CommitmentDiscountStatus"), lit(""));
    Column derived = when(category.equalTo("Usage").and(status.equalTo("Used")).and(type.contains("Reserv")),
            lit("DiscountedUsage"))
        .when(category.equalTo("Usage").and(status.equalTo("Used")).and(type.contains("Savings")),
            lit("SavingsPlanCoveredUsage"))
        .when(category.equalTo("Purchase").and(type.contains("Reserv")), lit("RIFee"))
        .when(category.equalTo("Purchase").and(type.contains("Savings")), lit("SavingsPlanRecurringFee"))
        .when(category.equalTo("Tax"), lit("Tax"))
        .when(category.equalTo("Credit"), lit("Credit"))
        .when(category.equalTo("Purchase"), lit("Fee"))
        .otherwise(lit("Usage"));
    return coalesce(explicit, derived);
  }

  private static Column optional(Dataset<Row> focus, String column) {
    return Arrays.asList(focus.columns()).contains(column) ? col(column) : lit(null);
  }
}
