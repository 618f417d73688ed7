-- fct_cost_daily: cost and usage per tenant, day, account, service, region, usage type,
-- operation, line item type and purchase option, for one billing period.
-- Grain: one row per (tenant_id, billing_period, usage_date, payer_account_id, usage_account_id,
--        product_code, region_code, usage_type, operation, line_item_type, purchase_option).
-- Input view: int_line_items_costed.

with line_items as (

    select * from int_line_items_costed

),

daily as (

    select
        tenant_id,
        billing_period,
        usage_date,
        payer_account_id,
        usage_account_id,
        max(account_name) as account_name,
        max(business_unit) as business_unit,
        product_code,
        max(service_name) as service_name,
        region_code,
        coalesce(usage_type, '') as usage_type,
        coalesce(operation, '') as operation,
        line_item_type,
        max(charge_category) as charge_category,
        purchase_option,
        sum(coalesce(usage_amount, 0)) as usage_amount,
        cast(sum(coalesce(unblended_cost, 0)) as decimal(30, 10)) as unblended_cost,
        cast(sum(coalesce(amortized_cost, 0)) as decimal(30, 10)) as amortized_cost,
        cast(sum(net_unblended_cost) as decimal(30, 10)) as net_unblended_cost,
        cast(sum(net_amortized_cost) as decimal(30, 10)) as net_amortized_cost,
        cast(sum(public_on_demand_cost) as decimal(30, 10)) as list_cost,
        count(*) as line_item_count

    from line_items
    group by
        tenant_id, billing_period, usage_date, payer_account_id, usage_account_id, product_code,
        region_code, coalesce(usage_type, ''), coalesce(operation, ''), line_item_type, purchase_option

)

select * from daily
