package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Month-long adjustments: a Tax line per account and product code (the tenant's sales tax rate on
 * that account's usage of the product, to the cent), then a few EC2 Credit lines (5% of an account's
 * EC2 usage, at least a dollar, negative). Both look up one table of usage cost per account and
 * product code, summed as exact decimals.
 */
final class AdjustmentLines {
  static final String TAX = "Tax";
  static final String CREDIT = "Credit";
  private static final String CREDITED_PRODUCT = "AmazonEC2";

  private AdjustmentLines() {}

  static Dataset<Row> of(SparkSession spark, MonthPlan plan, Dataset<Row> usage) {
    RowAllocation rows = plan.rows();
    MonthCatalog c = plan.catalog();
    int codes = plan.productCodes().size();
    // Keys are never null, so the join infers no filter to push into the generator.
    Dataset<Row> spend = usage.groupBy(coalesce(col("account_index"), lit(-1)).as("spend_account"),
            coalesce(col("line_item_product_code"), lit("")).as("spend_product"))
        .agg(sum(col("line_item_unblended_cost").cast(DataTypes.createDecimalType(38, 10))).as("spend"));

    long start = rows.taxStart();
    Column id = col("id");
    Column tax = id.lt(rows.creditStart());
    Column index = id.minus(start);
    Column product = pmod(index, lit((long) Math.max(1, codes))).cast("int");
    Dataset<Row> adjustments = spark.range(start, rows.creditStart() + rows.creditRows(), 1, 1)
        .select(id.as("row_id"), tax.as("tax"),
            when(tax, RowAllocation.quotient(index, Math.max(1, codes)).cast("int"))
                .otherwise(plan.hash().pick("credit-account", plan.organization().size(), id, lit(plan.periodKey())))
                .as("account"),
            when(tax, c.get("product.code", product)).otherwise(lit(CREDITED_PRODUCT)).as("product_code"),
            when(tax, c.get("product.name", product)).otherwise(lit(c.productName(CREDITED_PRODUCT)))
                .as("product_name"))
        .join(broadcast(spend), col("account").equalTo(col("spend_account"))
            .and(col("product_code").equalTo(col("spend_product"))), "left");

    Column spent = coalesce(col("spend").cast("double"), lit(0.0));
    Column amount = when(col("tax"), round(spent.multiply(plan.taxRate()), 2))
        .otherwise(negate(greatest(lit(1.0), round(spent.multiply(0.05), 2))));
    BillingCalendar calendar = plan.calendar();
    Map<String, Column> v = new HashMap<>();
    v.put("row_id", col("row_id"));
    v.put("account_index", col("account"));
    v.put("line_item_line_item_type", when(col("tax"), lit(TAX)).otherwise(lit(CREDIT)));
    v.put("line_item_usage_start_date", calendar.periodStart());
    v.put("line_item_usage_end_date", calendar.periodEnd());
    v.put("identity_time_interval", lit(calendar.periodText()));
    v.put("line_item_product_code", col("product_code"));
    v.put("line_item_usage_amount", when(col("tax"), lit(1.0)).otherwise(lit(0.0)));
    v.put("line_item_unblended_cost", amount);
    v.put("line_item_blended_cost", amount);
    v.put("line_item_line_item_description", when(col("tax"), concat(lit("Tax for product code "), col("product_code")))
        .otherwise(lit("AWS Credit")));
    v.put("line_item_tax_type", when(col("tax"), lit("USSalesTax")));
    v.put("product", map(lit("product_name"), col("product_name")));
    v.put("product_static", map(lit("servicecode"), col("product_code")));
    return LineItemSchema.select(adjustments, v);
  }
}
