package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The format-neutral line items every row zone (usage, commitment fees, tax, credits) produces
 * before a format names and types them: one schema, so the zones union. Costs and rates are doubles
 * here; product attributes are two maps ({@code product}, {@code product_static}, see
 * {@link #PRODUCT_COLUMN_KEYS}) and {@code resource_tags} a map with the original tag keys.
 * A value a zone does not set is a typed null.
 */
final class LineItemSchema {
  static final DataType TEXT_MAP = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
  static final Map<String, DataType> FIELDS = fields();
  /** Every product attribute key the {@code product} and {@code product_static} maps can hold, sorted. */
  static final List<String> PRODUCT_KEYS = productKeys();
  /**
   * Product attributes CUR 2.0 exports as their own {@code product_<key>} columns; line items keep
   * them in {@code product_static}, the others in {@code product} (CUR 2.0's product map).
   */
  static final Set<String> PRODUCT_COLUMN_KEYS = Set.of("from_location", "instance_family",
      "instance_type", "location", "location_type", "operation", "product_family", "servicecode", "sku",
      "to_location", "to_location_type", "usagetype");

  private LineItemSchema() {}

  /** {@code source} projected to the schema: each field from {@code values}, or null. */
  static Dataset<Row> select(Dataset<Row> source, Map<String, Column> values) {
    for (String name : values.keySet()) {
      if (!FIELDS.containsKey(name)) {
        throw new IllegalArgumentException("not a line item field: " + name);
      }
    }
    List<Column> columns = new ArrayList<>();
    FIELDS.forEach((name, type) -> columns.add(values.getOrDefault(name, lit(null)).cast(type).as(name)));
    return source.select(columns.toArray(Column[]::new));
  }

  private static Map<String, DataType> fields() {
    Map<String, DataType> f = new LinkedHashMap<>();
    f.put("row_id", DataTypes.LongType);
    f.put("account_index", DataTypes.IntegerType);
    f.put("reservation_index", DataTypes.IntegerType);
    f.put("savings_plan_index", DataTypes.IntegerType);
    f.put("fee_step", DataTypes.LongType);
    f.put("line_item_line_item_type", DataTypes.StringType);
    f.put("line_item_usage_start_date", DataTypes.TimestampType);
    f.put("line_item_usage_end_date", DataTypes.TimestampType);
    f.put("identity_time_interval", DataTypes.StringType);
    text(f, "line_item_product_code", "line_item_usage_type", "line_item_operation", "line_item_availability_zone",
        "line_item_resource_id");
    number(f, "line_item_usage_amount", "line_item_normalization_factor", "line_item_normalized_usage_amount",
        "line_item_unblended_rate", "line_item_unblended_cost", "line_item_blended_rate", "line_item_blended_cost");
    text(f, "line_item_line_item_description", "line_item_tax_type");
    f.put("product", TEXT_MAP);
    f.put("product_static", TEXT_MAP);
    text(f, "pricing_term", "pricing_unit", "pricing_purchase_option", "pricing_lease_contract_length",
        "pricing_offering_class");
    number(f, "pricing_public_on_demand_rate", "pricing_public_on_demand_cost");
    text(f, "reservation_reservation_a_r_n", "reservation_subscription_id", "reservation_start_time",
        "reservation_end_time", "reservation_number_of_reservations", "reservation_total_reserved_units",
        "reservation_units_per_reservation");
    number(f, "reservation_effective_cost", "reservation_recurring_fee_for_usage",
        "reservation_amortized_upfront_cost_for_usage", "reservation_amortized_upfront_fee_for_billing_period",
        "reservation_unused_amortized_upfront_fee_for_billing_period", "reservation_unused_quantity",
        "reservation_unused_recurring_fee", "reservation_upfront_value");
    text(f, "savings_plan_savings_plan_a_r_n", "savings_plan_offering_type", "savings_plan_payment_option",
        "savings_plan_purchase_term", "savings_plan_region", "savings_plan_start_time", "savings_plan_end_time");
    number(f, "savings_plan_savings_plan_rate", "savings_plan_savings_plan_effective_cost",
        "savings_plan_total_commitment_to_date", "savings_plan_used_commitment",
        "savings_plan_recurring_commitment_for_billing_period",
        "savings_plan_amortized_upfront_commitment_for_billing_period");
    f.put("resource_tags", TEXT_MAP);
    return Collections.unmodifiableMap(f);
  }

  private static List<String> productKeys() {
    TreeSet<String> keys = new TreeSet<>(List.of("product_name", "servicecode", "servicename",
        "product_family", "region", "location", "location_type", "usagetype", "operation", "sku", "instance_type",
        "instance_type_family", "instance_family", "vcpu", "memory", "operating_system", "tenancy",
        "database_engine", "from_location"));
    for (UsageProfile profile : UsageProfile.ALL) {
      keys.addAll(profile.attributes().keySet());
    }
    return List.copyOf(keys);
  }

  private static void text(Map<String, DataType> f, String... names) {
    for (String name : names) {
      f.put(name, DataTypes.StringType);
    }
  }

  private static void number(Map<String, DataType> f, String... names) {
    for (String name : names) {
      f.put(name, DataTypes.DoubleType);
    }
  }
}
