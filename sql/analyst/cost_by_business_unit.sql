-- cost_by_business_unit: what did each business unit (OU) and account cost in a billing period?
-- Unblended (as billed), amortized (commitments spread over the usage they cover) and net amortized
-- (after discounts), highest amortized cost first.
-- Runs in a tenant schema (Trino: delta.cur_<tenant>; the same text runs on Spark over the tenant's tables).
-- Parameters (bound in order, JDBC '?'): 1. billing_period, 'YYYY-MM'.
-- Columns: business_unit, usage_account_id, account_name, unblended_cost, amortized_cost, net_amortized_cost.

with parameters as (

    select ? as billing_period

),

daily as (

    select * from fct_cost_daily

),

by_account as (

    select
        coalesce(daily.business_unit, 'Unallocated') as business_unit,
        daily.usage_account_id,
        max(daily.account_name) as account_name,
        cast(sum(daily.unblended_cost) as decimal(30, 10)) as unblended_cost,
        cast(sum(daily.amortized_cost) as decimal(30, 10)) as amortized_cost,
        cast(sum(daily.net_amortized_cost) as decimal(30, 10)) as net_amortized_cost

    from daily
    inner join parameters
        on daily.billing_period = parameters.billing_period
    group by coalesce(daily.business_unit, 'Unallocated'), daily.usage_account_id

)

select * from by_account
order by amortized_cost desc, business_unit, usage_account_id
