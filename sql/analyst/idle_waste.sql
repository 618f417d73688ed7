-- idle_waste: how much is spent on idle resources and unused commitments, by rule and account?
-- Findings of fct_idle_resources (written by `lakehouse analytics` as of a date) in a billing period:
-- resources flagged, what they cost so far and the estimated monthly waste, largest waste first.
-- Runs in a tenant schema (Trino: delta.cur_<tenant>; the same text runs on Spark over the tenant's tables).
-- Parameters (bound in order, JDBC '?'): 1. billing_period, 'YYYY-MM'.
-- Columns: rule_id, usage_account_id, resources, cost_usd, estimated_monthly_waste_usd.

with parameters as (

    select ? as billing_period

),

idle as (

    select * from fct_idle_resources

),

by_rule as (

    select
        idle.rule_id,
        idle.usage_account_id,
        count(*) as resources,
        cast(sum(idle.cost_usd) as decimal(30, 10)) as cost_usd,
        cast(sum(idle.estimated_monthly_waste_usd) as decimal(30, 10)) as estimated_monthly_waste_usd

    from idle
    inner join parameters
        on idle.billing_period = parameters.billing_period
    group by idle.rule_id, idle.usage_account_id

)

select * from by_rule
order by estimated_monthly_waste_usd desc, rule_id, usage_account_id
