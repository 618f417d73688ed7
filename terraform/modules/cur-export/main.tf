# One payer's AWS Data Exports: CUR 2.0 (COST_AND_USAGE_REPORT) and, optionally, FOCUS 1.0
# (FOCUS_1_0_AWS), as Parquet, refreshed by AWS up to three times a day, overwriting the month.
# AWS writes <bucket>/<s3_prefix>/<export name>/data/BILLING_PERIOD=YYYY-MM/*.parquet, the layout
# `lakehouse ingest` discovers. Data Exports deliver to a bucket of the account that creates the
# export: apply this module with the payer's provider.

locals {
  cur2_name  = "${var.export_name_prefix}-cur2"
  focus_name = "${var.export_name_prefix}-focus"
  # The CUR 2.0 columns the jobs read (CanonicalSchema), tags and product attributes as maps.
  cur2_columns = [
    "identity_line_item_id", "identity_time_interval",
    "bill_invoice_id", "bill_billing_entity", "bill_bill_type", "bill_payer_account_id",
    "bill_payer_account_name", "bill_billing_period_start_date", "bill_billing_period_end_date",
    "line_item_usage_account_id", "line_item_usage_account_name", "line_item_line_item_type",
    "line_item_usage_start_date", "line_item_usage_end_date", "line_item_product_code",
    "line_item_usage_type", "line_item_operation", "line_item_availability_zone", "line_item_resource_id",
    "line_item_usage_amount", "line_item_normalized_usage_amount", "line_item_currency_code",
    "line_item_unblended_rate", "line_item_unblended_cost", "line_item_blended_cost",
    "line_item_net_unblended_cost", "line_item_line_item_description", "line_item_tax_type",
    "line_item_legal_entity", "product", "product_product_name", "product_servicecode",
    "product_product_family", "product_region_code", "product_location", "product_instance_type",
    "product_sku", "pricing_term", "pricing_unit", "pricing_purchase_option",
    "pricing_public_on_demand_cost", "reservation_reservation_a_r_n", "reservation_effective_cost",
    "reservation_recurring_fee_for_usage", "reservation_amortized_upfront_cost_for_usage",
    "reservation_amortized_upfront_fee_for_billing_period", "reservation_unused_amortized_upfront_fee_for_billing_period",
    "reservation_unused_recurring_fee", "reservation_unused_quantity", "reservation_net_effective_cost",
    "savings_plan_savings_plan_a_r_n", "savings_plan_offering_type", "savings_plan_savings_plan_effective_cost",
    "savings_plan_savings_plan_rate", "savings_plan_total_commitment_to_date", "savings_plan_used_commitment",
    "savings_plan_amortized_upfront_commitment_for_billing_period", "savings_plan_recurring_commitment_for_billing_period",
    "savings_plan_net_savings_plan_effective_cost", "resource_tags",
  ]
}

resource "aws_bcmdataexports_export" "cur2" {
  export {
    name        = local.cur2_name
    description = "CUR 2.0 of payer ${var.payer_account_id} for tenant ${var.tenant_id} (CUR lakehouse)"
    data_query {
      query_statement = "SELECT ${join(", ", local.cur2_columns)} FROM COST_AND_USAGE_REPORT"
      table_configurations = {
        COST_AND_USAGE_REPORT = {
          TIME_GRANULARITY                      = var.time_granularity
          INCLUDE_RESOURCES                     = "TRUE"
          INCLUDE_MANUAL_DISCOUNT_COMPATIBILITY = "FALSE"
          INCLUDE_SPLIT_COST_ALLOCATION_DATA    = "FALSE"
        }
      }
    }
    destination_configurations {
      s3_destination {
        s3_bucket = var.bucket_name
        s3_prefix = var.s3_prefix
        s3_region = var.bucket_region
        s3_output_configurations {
          overwrite   = "OVERWRITE_REPORT"
          format      = "PARQUET"
          compression = "PARQUET"
          output_type = "CUSTOM"
        }
      }
    }
    refresh_cadence {
      frequency = "SYNCHRONOUS"
    }
  }
  tags = var.tags
}

resource "aws_bcmdataexports_export" "focus" {
  count = var.include_focus ? 1 : 0
  export {
    name        = local.focus_name
    description = "FOCUS 1.0 of payer ${var.payer_account_id} for tenant ${var.tenant_id} (CUR lakehouse)"
    data_query {
      query_statement = "SELECT ${join(", ", var.focus_columns)} FROM FOCUS_1_0_AWS"
    }
    destination_configurations {
      s3_destination {
        s3_bucket = var.bucket_name
        s3_prefix = var.s3_prefix
        s3_region = var.bucket_region
        s3_output_configurations {
          overwrite   = "OVERWRITE_REPORT"
          format      = "PARQUET"
          compression = "PARQUET"
          output_type = "CUSTOM"
        }
      }
    }
    refresh_cadence {
      frequency = "SYNCHRONOUS"
    }
  }
  tags = var.tags
}
