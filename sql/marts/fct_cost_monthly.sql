-- fct_cost_monthly: cost per tenant, billing period, account and service, with the change from
-- the previous month (null when the pair had no cost the month before).
-- Grain: one row per (tenant_id, billing_period, usage_account_id, product_code).
-- Input view: fct_cost_daily (every curated period of the tenant).

with daily as (

    select * from fct_cost_daily

),

monthly as (

    select
        tenant_id,
        billing_period,
        usage_account_id,
        max(account_name) as account_name,
        max(business_unit) as business_unit,
        product_code,
        max(service_name) as service_name,
        cast(sum(unblended_cost) as decimal(30, 10)) as unblended_cost,
        cast(sum(amortized_cost) as decimal(30, 10)) as amortized_cost,
        cast(sum(net_amortized_cost) as decimal(30, 10)) as net_amortized_cost

    from daily
    group by tenant_id, billing_period, usage_account_id, product_code

),

with_previous as (

    select
        current_month.*,
        previous_month.amortized_cost as previous_amortized_cost,
        cast(current_month.amortized_cost - previous_month.amortized_cost as decimal(30, 10)) as amortized_change,
        case
            when previous_month.amortized_cost is null or previous_month.amortized_cost = 0 then null
            else cast((current_month.amortized_cost - previous_month.amortized_cost)
                / abs(previous_month.amortized_cost) * 100 as decimal(20, 4))
        end as amortized_change_pct

    from monthly as current_month
    left join monthly as previous_month
        on previous_month.tenant_id = current_month.tenant_id
        and previous_month.usage_account_id = current_month.usage_account_id
        and previous_month.product_code = current_month.product_code
        and previous_month.billing_period = date_format(add_months(to_date(current_month.billing_period, 'yyyy-MM'), -1), 'yyyy-MM')

)

select * from with_previous
