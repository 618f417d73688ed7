-- top_movers_month_over_month: which services' cost changed most from the previous month?
-- Amortized cost per service in the billing period and the one before it (a service absent in one
-- month counts 0 there, so new and vanished services show up), the 10 largest absolute changes first.
-- Runs in a tenant schema (Trino: delta.cur_<tenant>; the same text runs on Spark over the tenant's tables).
-- Parameters (bound in order, JDBC '?'): 1. billing_period, 'YYYY-MM'; 2. previous_billing_period, 'YYYY-MM'.
-- Columns: product_code, service_name, previous_amortized_cost, amortized_cost, amortized_change.

with parameters as (

    select ? as billing_period, ? as previous_billing_period

),

daily as (

    select * from fct_cost_daily

),

by_service as (

    select
        daily.product_code,
        max(daily.service_name) as service_name,
        cast(sum(case when daily.billing_period = parameters.previous_billing_period
            then daily.amortized_cost else 0 end) as decimal(30, 10)) as previous_amortized_cost,
        cast(sum(case when daily.billing_period = parameters.billing_period
            then daily.amortized_cost else 0 end) as decimal(30, 10)) as amortized_cost

    from daily
    inner join parameters
        on daily.billing_period in (parameters.billing_period, parameters.previous_billing_period)
    group by daily.product_code

),

movers as (

    select
        product_code,
        service_name,
        previous_amortized_cost,
        amortized_cost,
        amortized_cost - previous_amortized_cost as amortized_change

    from by_service

)

select * from movers
order by abs(amortized_change) desc, product_code
limit 10
