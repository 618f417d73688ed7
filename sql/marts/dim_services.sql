-- dim_services: every AWS service (product code) the tenant has cost for, with a readable name.
-- Grain: one row per (tenant_id, product_code). Input view: fct_cost_daily.

with daily as (

    select * from fct_cost_daily

),

services as (

    select
        tenant_id,
        product_code,
        max(service_name) as service_name,
        min(usage_date) as first_usage_date,
        max(usage_date) as last_usage_date,
        count(distinct usage_account_id) as account_count,
        cast(sum(amortized_cost) as decimal(30, 10)) as amortized_cost_to_date

    from daily
    group by tenant_id, product_code

)

select * from services
