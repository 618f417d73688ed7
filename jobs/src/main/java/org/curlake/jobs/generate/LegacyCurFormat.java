package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Line items as legacy CUR delivers them for Athena, mirroring the real WorkshopCUR Parquet: the
 * same column order (identity, bill, line item, product, pricing, reservation, savings plan, tags),
 * rates as 10-decimal strings, costs and quantities as doubles, dates as timestamps, product
 * attributes as {@code product_*} columns (product_region, not product_region_code), one
 * {@code resource_tags_*} column per tag key, no net (private pricing) columns, and, like the real
 * files, empty strings and 0.0 rather than nulls.
 */
final class LegacyCurFormat {
  private LegacyCurFormat() {}

  static Dataset<Row> of(Dataset<Row> lines) {
    List<Column> out = new ArrayList<>();
    text(out, "identity_line_item_id", "identity_time_interval", "bill_invoice_id", "bill_billing_entity",
        "bill_bill_type", "bill_payer_account_id");
    as(out, "bill_billing_period_start_date", "bill_billing_period_end_date");
    text(out, "line_item_usage_account_id", "line_item_line_item_type");
    as(out, "line_item_usage_start_date", "line_item_usage_end_date");
    text(out, "line_item_product_code", "line_item_usage_type", "line_item_operation", "line_item_availability_zone",
        "line_item_resource_id");
    number(out, "line_item_usage_amount", "line_item_normalization_factor", "line_item_normalized_usage_amount");
    text(out, "line_item_currency_code");
    rate(out, "line_item_unblended_rate");
    number(out, "line_item_unblended_cost");
    rate(out, "line_item_blended_rate");
    number(out, "line_item_blended_cost");
    text(out, "line_item_line_item_description", "line_item_tax_type", "line_item_legal_entity");
    out.add(coalesce(col("product").getItem("product_name"), lit("")).as("product_product_name"));
    for (String key : LineItemSchema.PRODUCT_KEYS) {
      if (!key.equals("product_name")) {
        Column source = LineItemSchema.PRODUCT_COLUMN_KEYS.contains(key) ? col("product_static") : col("product");
        out.add(coalesce(source.getItem(key), lit("")).as("product_" + key));
      }
    }
    text(out, "pricing_lease_contract_length", "pricing_offering_class");
    number(out, "pricing_public_on_demand_cost");
    rate(out, "pricing_public_on_demand_rate");
    text(out, "pricing_purchase_option", "pricing_term", "pricing_unit");
    number(out, "reservation_amortized_upfront_cost_for_usage", "reservation_amortized_upfront_fee_for_billing_period",
        "reservation_effective_cost");
    text(out, "reservation_end_time", "reservation_number_of_reservations");
    number(out, "reservation_recurring_fee_for_usage");
    text(out, "reservation_reservation_a_r_n", "reservation_start_time", "reservation_subscription_id",
        "reservation_total_reserved_units", "reservation_units_per_reservation");
    number(out, "reservation_unused_amortized_upfront_fee_for_billing_period", "reservation_unused_quantity",
        "reservation_unused_recurring_fee", "reservation_upfront_value");
    number(out, "savings_plan_amortized_upfront_commitment_for_billing_period");
    text(out, "savings_plan_end_time", "savings_plan_offering_type", "savings_plan_payment_option",
        "savings_plan_purchase_term");
    number(out, "savings_plan_recurring_commitment_for_billing_period");
    text(out, "savings_plan_region", "savings_plan_savings_plan_a_r_n");
    number(out, "savings_plan_savings_plan_effective_cost", "savings_plan_savings_plan_rate");
    text(out, "savings_plan_start_time");
    number(out, "savings_plan_total_commitment_to_date", "savings_plan_used_commitment");
    Column tags = col("resource_tags");
    ResourceTags.byExportKey().forEach((exportKey, originals) ->
        out.add(coalesce(ResourceTags.exportValue(tags, originals), lit("")).as("resource_tags_" + exportKey)));
    return lines.select(out.toArray(Column[]::new));
  }

  private static void text(List<Column> out, String... names) {
    for (String name : names) {
      out.add(coalesce(col(name), lit("")).as(name));
    }
  }

  private static void number(List<Column> out, String... names) {
    for (String name : names) {
      out.add(coalesce(col(name), lit(0.0)).as(name));
    }
  }

  private static void rate(List<Column> out, String name) {
    out.add(coalesce(PriceText.tenDecimals(col(name)), lit("")).as(name));
  }

  private static void as(List<Column> out, String... names) {
    for (String name : names) {
      out.add(col(name));
    }
  }
}
