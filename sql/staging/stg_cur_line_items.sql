-- stg_cur_line_items: the valid bronze CUR line items of one tenant and billing period, renamed
-- to the names every later model uses. Rename and cast only: no logic here.
-- Input view: bronze_cur_line_items (bronze rows of the period that passed the validity rules).

with source as (

    select * from bronze_cur_line_items

),

renamed as (

    select
        -- keys
        tenant_id,
        billing_period,
        identity_line_item_id as line_item_id,
        identity_time_interval as time_interval,

        -- accounts
        bill_payer_account_id as payer_account_id,
        bill_payer_account_name as payer_account_name,
        line_item_usage_account_id as usage_account_id,
        line_item_usage_account_name as usage_account_name,

        -- what was charged
        line_item_line_item_type as line_item_type,
        line_item_product_code as product_code,
        product_product_name as product_name,
        product_product_family as product_family,
        line_item_usage_type as usage_type,
        line_item_operation as operation,
        product_region_code as region,
        line_item_availability_zone as availability_zone,
        line_item_resource_id as resource_id,
        product_sku as sku_id,
        line_item_line_item_description as charge_description,
        line_item_currency_code as currency_code,
        pricing_term,
        pricing_unit,
        pricing_purchase_option,

        -- when
        bill_billing_period_start_date as billing_period_start,
        bill_billing_period_end_date as billing_period_end,
        line_item_usage_start_date as usage_start,
        line_item_usage_end_date as usage_end,
        cast(line_item_usage_start_date as date) as usage_date,

        -- quantities and money
        line_item_usage_amount as usage_amount,
        line_item_unblended_rate as unblended_rate,
        line_item_unblended_cost as unblended_cost,
        line_item_net_unblended_cost as net_unblended_cost,
        pricing_public_on_demand_cost as public_on_demand_cost,

        -- reservations
        reservation_reservation_a_r_n as reservation_arn,
        reservation_effective_cost,
        reservation_net_effective_cost,
        reservation_unused_amortized_upfront_fee_for_billing_period as reservation_unused_amortized_upfront_fee,
        reservation_unused_recurring_fee,
        reservation_net_unused_amortized_upfront_fee_for_billing_period as reservation_net_unused_amortized_upfront_fee,
        reservation_net_unused_recurring_fee,

        -- savings plans
        savings_plan_savings_plan_a_r_n as savings_plan_arn,
        savings_plan_savings_plan_effective_cost as savings_plan_effective_cost,
        savings_plan_net_savings_plan_effective_cost as savings_plan_net_effective_cost,
        savings_plan_total_commitment_to_date,
        savings_plan_used_commitment,
        savings_plan_amortized_upfront_commitment_for_billing_period as savings_plan_amortized_upfront_commitment,
        savings_plan_recurring_commitment_for_billing_period as savings_plan_recurring_commitment,
        savings_plan_net_amortized_upfront_commitment_for_billing_period as savings_plan_net_amortized_upfront_commitment,
        savings_plan_net_recurring_commitment_for_billing_period as savings_plan_net_recurring_commitment,

        -- FOCUS exports carry the effective cost directly
        effective_cost as export_effective_cost,

        resource_tags

    from source

)

select * from renamed
