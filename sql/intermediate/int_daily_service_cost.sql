-- int_daily_service_cost: a tenant's daily amortized usage cost per service, with a zero for every
-- day a service had no cost, from 42 days before the billing period up to :as_of_date (or the
-- period's end): the anomaly model scores the period's days and the 6 before them, each against
-- the 5 weeks before it. Usage charges only (charge_category Usage): monthly fees, tax and credits are
-- posted once a month and would look like anomalies every month.
-- Grain: one row per (tenant_id, product_code, usage_date).
-- Input view: fct_cost_daily. Parameters: :tenant_id, :billing_period, :as_of_date.

with daily_costs as (

    select * from fct_cost_daily

),

bounds as (

    select
        date_sub(to_date(concat(:billing_period, '-01')), 42) as first_date,
        least(cast(:as_of_date as date), last_day(to_date(concat(:billing_period, '-01')))) as last_date

),

usage_costs as (

    select
        daily_costs.product_code,
        daily_costs.usage_date,
        max(daily_costs.service_name) as service_name,
        sum(daily_costs.amortized_cost) as cost_usd

    from daily_costs
    cross join bounds
    where daily_costs.tenant_id = :tenant_id
        and daily_costs.charge_category = 'Usage'
        and daily_costs.usage_date between bounds.first_date and bounds.last_date
    group by daily_costs.product_code, daily_costs.usage_date

),

services as (

    select product_code, max(service_name) as service_name

    from usage_costs
    group by product_code

),

calendar as (

    select explode(sequence(first_date, last_date)) as usage_date

    from bounds
    where first_date <= last_date

),

filled as (

    select
        cast(:tenant_id as string) as tenant_id,
        services.product_code,
        services.service_name,
        calendar.usage_date,
        cast(coalesce(usage_costs.cost_usd, 0) as double) as cost_usd

    from services
    cross join calendar
    left join usage_costs
        on services.product_code = usage_costs.product_code
        and calendar.usage_date = usage_costs.usage_date

)

select * from filled
