package org.curlake.jobs.ingest;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The one schema bronze CUR line items are normalised to, whatever the export format. Names follow
 * CUR 2.0 (which legacy Athena-style Parquet shares for most columns). Money is DECIMAL(30,10) so
 * totals reconcile to the cent; the source's doubles are rounded at the 10th decimal, the precision
 * AWS publishes. An amount that does not fit (NaN, an infinity) is refused by {@link MoneyCast}.
 */
public final class CanonicalSchema {
  public static final DecimalType MONEY = DataTypes.createDecimalType(30, 10);
  public static final String TENANT_ID = "tenant_id";
  public static final String BILLING_PERIOD = "billing_period";
  public static final String RESOURCE_TAGS = "resource_tags";
  public static final String SOURCE_FILE = "source_file";
  /** Legacy CUR spreads tags over one column per key with this prefix. */
  public static final String LEGACY_TAG_PREFIX = "resource_tags_";

  private static final List<CanonicalColumn> COLUMNS = build();

  private CanonicalSchema() {}

  /** The data columns, in bronze order (the partition, tag and lineage columns are added around them). */
  public static List<CanonicalColumn> columns() {
    return COLUMNS;
  }

  public static List<CanonicalColumn> required() {
    return COLUMNS.stream().filter(CanonicalColumn::required).toList();
  }

  private static List<CanonicalColumn> build() {
    List<CanonicalColumn> c = new ArrayList<>();
    req(c, "identity_line_item_id", StringType);
    opt(c, "identity_time_interval", StringType);
    opt(c, "bill_invoice_id", StringType);
    opt(c, "bill_billing_entity", StringType);
    opt(c, "bill_bill_type", StringType);
    req(c, "bill_payer_account_id", StringType);
    opt(c, "bill_payer_account_name", StringType);
    req(c, "bill_billing_period_start_date", TimestampType);
    opt(c, "bill_billing_period_end_date", TimestampType);
    req(c, "line_item_usage_account_id", StringType);
    opt(c, "line_item_usage_account_name", StringType);
    req(c, "line_item_line_item_type", StringType);
    req(c, "line_item_usage_start_date", TimestampType);
    req(c, "line_item_usage_end_date", TimestampType);
    req(c, "line_item_product_code", StringType);
    opt(c, "line_item_usage_type", StringType);
    opt(c, "line_item_operation", StringType);
    opt(c, "line_item_availability_zone", StringType);
    opt(c, "line_item_resource_id", StringType);
    opt(c, "line_item_usage_amount", DoubleType);
    opt(c, "line_item_normalized_usage_amount", DoubleType);
    opt(c, "line_item_currency_code", StringType);
    opt(c, "line_item_unblended_rate", MONEY);
    req(c, "line_item_unblended_cost", MONEY);
    opt(c, "line_item_blended_cost", MONEY);
    opt(c, "line_item_net_unblended_cost", MONEY);
    opt(c, "line_item_line_item_description", StringType);
    opt(c, "line_item_tax_type", StringType);
    opt(c, "line_item_legal_entity", StringType);
    opt(c, "product_product_name", StringType, "product_product_name", "product.product_name");
    opt(c, "product_servicecode", StringType);
    opt(c, "product_product_family", StringType);
    opt(c, "product_region_code", StringType, "product_region_code", "product_region");
    opt(c, "product_location", StringType);
    opt(c, "product_instance_type", StringType);
    opt(c, "product_sku", StringType);
    opt(c, "pricing_term", StringType);
    opt(c, "pricing_unit", StringType);
    opt(c, "pricing_purchase_option", StringType);
    opt(c, "pricing_public_on_demand_cost", MONEY);
    opt(c, "reservation_reservation_a_r_n", StringType);
    opt(c, "reservation_effective_cost", MONEY);
    opt(c, "reservation_recurring_fee_for_usage", MONEY);
    opt(c, "reservation_amortized_upfront_cost_for_usage", MONEY);
    opt(c, "reservation_amortized_upfront_fee_for_billing_period", MONEY);
    opt(c, "reservation_unused_amortized_upfront_fee_for_billing_period", MONEY);
    opt(c, "reservation_unused_recurring_fee", MONEY);
    opt(c, "reservation_unused_quantity", DoubleType);
    opt(c, "reservation_net_effective_cost", MONEY);
    opt(c, "reservation_net_unused_amortized_upfront_fee_for_billing_period", MONEY);
    opt(c, "reservation_net_unused_recurring_fee", MONEY);
    opt(c, "savings_plan_savings_plan_a_r_n", StringType);
    opt(c, "savings_plan_offering_type", StringType);
    opt(c, "savings_plan_savings_plan_effective_cost", MONEY);
    opt(c, "savings_plan_savings_plan_rate", MONEY);
    opt(c, "savings_plan_total_commitment_to_date", MONEY);
    opt(c, "savings_plan_used_commitment", MONEY);
    opt(c, "savings_plan_amortized_upfront_commitment_for_billing_period", MONEY);
    opt(c, "savings_plan_recurring_commitment_for_billing_period", MONEY);
    opt(c, "savings_plan_net_savings_plan_effective_cost", MONEY);
    opt(c, "savings_plan_net_amortized_upfront_commitment_for_billing_period", MONEY);
    opt(c, "savings_plan_net_recurring_commitment_for_billing_period", MONEY);
    // FOCUS exports state the amortized cost themselves (EffectiveCost); CUR exports leave it null.
    opt(c, "effective_cost", MONEY);
    return List.copyOf(c);
  }

  private static void req(List<CanonicalColumn> columns, String name, DataType type) {
    columns.add(new CanonicalColumn(name, type, true, List.of(name)));
  }

  private static void opt(List<CanonicalColumn> columns, String name, DataType type, String... sources) {
    columns.add(new CanonicalColumn(name, type, false, sources.length == 0 ? List.of(name) : List.of(sources)));
  }
}
