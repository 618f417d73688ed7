-- fct_cost_anomaly_drivers: the root cause of each cost anomaly, ranked: which (account, region,
-- usage type) of the service grew most against its own baseline that day.
-- Per anomaly (service, day d) and cell (usage_account_id, region_code, usage_type):
--   expected      = median of the cell's usage cost on d-7, d-14, d-21, d-28 (0 when absent)
--   delta_usd     = actual - expected
--   contribution  = delta_usd / the sum of the deltas of every cell of the anomaly, in percent
--   driver_rank   = 1 for the largest delta (ties broken by account, region, usage type); top 5
--                   cells with a positive delta are kept
-- Grain: one row per (tenant_id, billing_period, usage_date, product_code, driver_rank).
-- Input views: fct_cost_anomalies, fct_cost_daily.

with anomalies as (

    select * from fct_cost_anomalies

),

daily_costs as (

    select * from fct_cost_daily

),

anomaly_days as (

    select tenant_id, billing_period, usage_date, product_code

    from anomalies
    where is_anomaly

),

cell_costs as (

    select
        product_code,
        usage_date,
        usage_account_id,
        region_code,
        usage_type,
        sum(amortized_cost) as cost_usd

    from daily_costs
    where tenant_id = :tenant_id and charge_category = 'Usage'
    group by product_code, usage_date, usage_account_id, region_code, usage_type

),

cells as (

    select
        anomaly_days.tenant_id,
        anomaly_days.billing_period,
        anomaly_days.usage_date,
        anomaly_days.product_code,
        cell_costs.usage_account_id,
        cell_costs.region_code,
        cell_costs.usage_type,
        sum(case when datediff(anomaly_days.usage_date, cell_costs.usage_date) = 0 then cell_costs.cost_usd else 0 end)
            as actual_cost_usd,
        array_sort(array(
            sum(case when datediff(anomaly_days.usage_date, cell_costs.usage_date) = 7 then cell_costs.cost_usd else 0 end),
            sum(case when datediff(anomaly_days.usage_date, cell_costs.usage_date) = 14 then cell_costs.cost_usd else 0 end),
            sum(case when datediff(anomaly_days.usage_date, cell_costs.usage_date) = 21 then cell_costs.cost_usd else 0 end),
            sum(case when datediff(anomaly_days.usage_date, cell_costs.usage_date) = 28 then cell_costs.cost_usd else 0 end)
        )) as same_weekday_costs

    from anomaly_days
    inner join cell_costs
        on anomaly_days.product_code = cell_costs.product_code
        and datediff(anomaly_days.usage_date, cell_costs.usage_date) in (0, 7, 14, 21, 28)
    group by anomaly_days.tenant_id, anomaly_days.billing_period, anomaly_days.usage_date, anomaly_days.product_code,
        cell_costs.usage_account_id, cell_costs.region_code, cell_costs.usage_type

),

deltas as (

    select
        *,
        (element_at(same_weekday_costs, 2) + element_at(same_weekday_costs, 3)) / 2 as expected_cost_usd

    from cells

),

ranked as (

    select
        tenant_id,
        billing_period,
        usage_date,
        product_code,
        usage_account_id,
        region_code,
        usage_type,
        cast(round(actual_cost_usd, 6) as double) as actual_cost_usd,
        cast(round(expected_cost_usd, 6) as double) as expected_cost_usd,
        cast(round(actual_cost_usd - expected_cost_usd, 6) as double) as delta_usd,
        cast(round((actual_cost_usd - expected_cost_usd) * 100
            / nullif(sum(actual_cost_usd - expected_cost_usd) over (partition by usage_date, product_code), 0), 2)
            as double) as contribution_pct,
        row_number() over (
            partition by usage_date, product_code
            order by actual_cost_usd - expected_cost_usd desc, usage_account_id, region_code, usage_type
        ) as driver_rank

    from deltas

)

select * from ranked
where driver_rank <= 5 and delta_usd > 0
