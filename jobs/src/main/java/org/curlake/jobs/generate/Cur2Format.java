package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Line items as a CUR 2.0 data export delivers them: the fixed CUR 2.0 column set in alphabetical
 * order, account names, the {@code product} map (attributes outside the static product columns,
 * among them product_name), {@code product_region_code}, {@code resource_tags} keyed like the
 * legacy column names ({@code user_cost_center}), {@code cost_category} and {@code discount} maps,
 * and the net columns after the tenant's private (EDP) discount. Values that do not apply are null.
 */
final class Cur2Format {
  private static final List<String> NULL_TEXT = List.of("pricing_rate_code", "pricing_rate_id", "product_comment",
      "product_fee_code", "product_fee_description", "product_from_location_type", "product_instancesku",
      "product_to_region_code", "reservation_availability_zone", "reservation_modification_status",
      "savings_plan_instance_type_family");

  private Cur2Format() {}

  static Dataset<Row> of(Dataset<Row> lines, double edpDiscount) {
    Map<String, Column> out = new TreeMap<>();
    for (String name : List.of("bill_bill_type", "bill_billing_entity", "bill_billing_period_end_date",
        "bill_billing_period_start_date", "bill_invoice_id", "bill_payer_account_id", "bill_payer_account_name",
        "cost_category", "identity_line_item_id", "identity_time_interval", "line_item_availability_zone",
        "line_item_blended_cost", "line_item_currency_code", "line_item_legal_entity",
        "line_item_line_item_description", "line_item_line_item_type", "line_item_normalization_factor",
        "line_item_normalized_usage_amount", "line_item_operation", "line_item_product_code", "line_item_resource_id",
        "line_item_tax_type", "line_item_unblended_cost", "line_item_usage_account_id",
        "line_item_usage_account_name", "line_item_usage_amount", "line_item_usage_end_date",
        "line_item_usage_start_date", "line_item_usage_type", "pricing_lease_contract_length",
        "pricing_offering_class", "pricing_public_on_demand_cost", "pricing_purchase_option", "pricing_term",
        "pricing_unit")) {
      out.put(name, col(name));
    }
    for (String name : LineItemSchema.FIELDS.keySet()) {
      if (name.startsWith("reservation_") && !name.equals("reservation_index")
          || name.startsWith("savings_plan_") && !name.equals("savings_plan_index")) {
        out.put(name, col(name));
      }
    }
    for (String rate : List.of("line_item_unblended_rate", "line_item_blended_rate", "pricing_public_on_demand_rate")) {
      out.put(rate, PriceText.tenDecimals(col(rate)));
    }
    out.put("bill_invoicing_entity", lit("Amazon Web Services, Inc."));
    out.put("pricing_currency", lit("USD"));
    NULL_TEXT.forEach(name -> out.put(name, lit(null).cast("string")));

    Column product = col("product");
    Column columns = col("product_static");
    out.put("product", product);
    for (String key : LineItemSchema.PRODUCT_COLUMN_KEYS) {
      out.put("product_" + key, columns.getItem(key));
    }
    out.put("product_region_code", product.getItem("region"));
    out.put("product_from_region_code", when(columns.getItem("from_location").isNotNull(), product.getItem("region")));
    out.put("product_pricing_unit", col("pricing_unit"));
    out.put("resource_tags", ResourceTags.exportMap(col("resource_tags")));

    double factor = 1.0 - edpDiscount;
    Column type = col("line_item_line_item_type");
    Column discounted = lit(edpDiscount > 0).and(not(type.isin(AdjustmentLines.TAX, AdjustmentLines.CREDIT)));
    Column unblended = col("line_item_unblended_cost");
    Column net = when(discounted, round(unblended.multiply(factor), 10)).otherwise(unblended);
    Column discount = round(net.minus(unblended), 10);
    out.put("line_item_net_unblended_cost", net);
    out.put("line_item_net_unblended_rate",
        PriceText.tenDecimals(when(discounted, round(col("line_item_unblended_rate").multiply(factor), 10))
            .otherwise(col("line_item_unblended_rate"))));
    DataType discounts = DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType);
    out.put("discount", when(discount.notEqual(0.0), map(lit("edp_discount"), discount).cast(discounts))
        .otherwise(map().cast(discounts)));
    out.put("discount_bundled_discount", lit(null).cast("double"));
    out.put("discount_total_discount", discount);
    for (String name : List.of("reservation_effective_cost", "reservation_recurring_fee_for_usage",
        "reservation_amortized_upfront_cost_for_usage", "reservation_amortized_upfront_fee_for_billing_period",
        "reservation_unused_amortized_upfront_fee_for_billing_period", "reservation_unused_recurring_fee",
        "reservation_upfront_value")) {
      out.put(name.replace("reservation_", "reservation_net_"), netOf(col(name), discounted, factor));
    }
    for (String name : List.of("savings_plan_savings_plan_effective_cost",
        "savings_plan_recurring_commitment_for_billing_period",
        "savings_plan_amortized_upfront_commitment_for_billing_period")) {
      String netName = name.equals("savings_plan_savings_plan_effective_cost")
          ? "savings_plan_net_savings_plan_effective_cost" : name.replace("savings_plan_", "savings_plan_net_");
      out.put(netName, netOf(col(name), discounted, factor));
    }
    return lines.select(out.entrySet().stream().map(e -> e.getValue().as(e.getKey())).toArray(Column[]::new));
  }

  private static Column netOf(Column value, Column discounted, double factor) {
    return when(discounted, round(value.multiply(factor), 10)).otherwise(value);
  }
}
