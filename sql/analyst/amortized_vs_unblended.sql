-- amortized_vs_unblended: what do Reserved Instances and Savings Plans change in each month's cost?
-- Per billing period and line item type: unblended cost (as billed: upfront and recurring fees when
-- paid), amortized cost (fees spread over the usage they cover, unused commitment kept as fee), their
-- difference, and on-demand list cost minus amortized cost (what the commitments and discounts saved).
-- Runs in a tenant schema (Trino: delta.cur_<tenant>; the same text runs on Spark over the tenant's tables).
-- Parameters: none (every curated period of the tenant).
-- Columns: billing_period, line_item_type, unblended_cost, amortized_cost, amortization_effect,
--          list_cost, savings_vs_list.

with daily as (

    select * from fct_cost_daily

),

by_type as (

    select
        billing_period,
        line_item_type,
        cast(sum(unblended_cost) as decimal(30, 10)) as unblended_cost,
        cast(sum(amortized_cost) as decimal(30, 10)) as amortized_cost,
        cast(sum(coalesce(list_cost, 0)) as decimal(30, 10)) as list_cost

    from daily
    group by billing_period, line_item_type

),

effects as (

    select
        billing_period,
        line_item_type,
        unblended_cost,
        amortized_cost,
        amortized_cost - unblended_cost as amortization_effect,
        list_cost,
        list_cost - amortized_cost as savings_vs_list

    from by_type

)

select * from effects
order by billing_period, line_item_type
