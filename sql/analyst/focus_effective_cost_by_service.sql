-- focus_effective_cost_by_service: the FOCUS question "what did each service cost, by charge category?"
-- Over the tenant's FOCUS 1.0 table: EffectiveCost (amortized), BilledCost (invoiced) and ListCost
-- (public on-demand price) per ServiceName and ChargeCategory in a billing period, largest first.
-- Runs in a tenant schema (Trino: delta.cur_<tenant>; the same text runs on Spark over the tenant's tables).
-- FOCUS column names are case-insensitive in both engines (Trino reports them in lowercase).
-- Parameters (bound in order, JDBC '?'): 1. billing_period, 'YYYY-MM'.
-- Columns: ServiceName, ChargeCategory, EffectiveCost, BilledCost, ListCost, line_items.

with parameters as (

    select ? as billing_period

),

focus as (

    select * from focus_costs

),

by_service as (

    select
        coalesce(focus.ServiceName, 'Unknown') as ServiceName,
        focus.ChargeCategory,
        cast(sum(focus.EffectiveCost) as decimal(30, 10)) as EffectiveCost,
        cast(sum(focus.BilledCost) as decimal(30, 10)) as BilledCost,
        cast(sum(focus.ListCost) as decimal(30, 10)) as ListCost,
        count(*) as line_items

    from focus
    inner join parameters
        on focus.billing_period = parameters.billing_period
    group by coalesce(focus.ServiceName, 'Unknown'), focus.ChargeCategory

)

select * from by_service
order by EffectiveCost desc, ServiceName, ChargeCategory
