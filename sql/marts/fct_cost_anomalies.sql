-- fct_cost_anomalies: every day of one billing period (up to :as_of_date) per tenant and service,
-- its actual amortized usage cost against a robust, weekday-aware expected cost, and whether it
-- is an anomaly.
-- Method, per (service, day d), over the trailing 28 days d-28 .. d-1 (zero-filled):
--   weekday median  m   = median of the 4 days with d's weekday (d-7, d-14, d-21, d-28)
--   trend           t   = (median of d-14..d-1 - median of d-28..d-15) / 14, per day
--   expected        e   = max(0, m + 17.5 t)   (the weekday median is centred 17.5 days before d)
--   scale           s   = 1.4826 * median |c(p) - weekday median of p's weekday| over the 28 days
--                         (MAD of the de-seasonalised history), at least max($1, 5% of e)
--   score               = (actual - e) / s
--   is_anomaly          = at least 21 days of history, actual - e >= :anomaly_min_impact_usd and
--                         score >= :anomaly_sensitivity (cost increases only)
-- Medians are exact (percentile), so the result is deterministic for the same input and as-of date.
-- Grain: one row per (tenant_id, billing_period, usage_date, product_code).
-- Input view: int_daily_service_cost.

with series as (

    select * from int_daily_service_cost

),

evaluated_days as (

    select *

    from series
    where usage_date >= to_date(concat(:billing_period, '-01'))
        and usage_date <= cast(:as_of_date as date)

),

history as (

    select
        evaluated_days.product_code,
        evaluated_days.usage_date,
        past.usage_date as past_date,
        dayofweek(past.usage_date) as past_weekday,
        past.cost_usd as past_cost,
        datediff(evaluated_days.usage_date, past.usage_date) as lag_days

    from evaluated_days
    inner join series as past
        on evaluated_days.product_code = past.product_code
        and past.usage_date between date_sub(evaluated_days.usage_date, 28) and date_sub(evaluated_days.usage_date, 1)

),

weekday_medians as (

    select product_code, usage_date, past_weekday, percentile(past_cost, 0.5) as weekday_median

    from history
    group by product_code, usage_date, past_weekday

),

baselines as (

    select
        history.product_code,
        history.usage_date,
        count(*) as history_days,
        max(case when history.past_weekday = dayofweek(history.usage_date) then weekday_medians.weekday_median end)
            as weekday_median,
        percentile(case when history.lag_days <= 14 then history.past_cost end, 0.5)
            - percentile(case when history.lag_days > 14 then history.past_cost end, 0.5) as half_window_shift,
        1.4826 * percentile(abs(history.past_cost - weekday_medians.weekday_median), 0.5) as residual_mad

    from history
    inner join weekday_medians
        on history.product_code = weekday_medians.product_code
        and history.usage_date = weekday_medians.usage_date
        and history.past_weekday = weekday_medians.past_weekday
    group by history.product_code, history.usage_date

),

expected as (

    select
        evaluated_days.tenant_id,
        evaluated_days.usage_date,
        evaluated_days.product_code,
        evaluated_days.service_name,
        evaluated_days.cost_usd as actual_cost_usd,
        coalesce(baselines.history_days, 0) as history_days,
        greatest(0.0, coalesce(baselines.weekday_median, 0.0)
            + coalesce(baselines.half_window_shift, 0.0) / 14.0 * 17.5) as expected_cost_usd,
        coalesce(baselines.residual_mad, 0.0) as residual_mad

    from evaluated_days
    left join baselines
        on evaluated_days.product_code = baselines.product_code
        and evaluated_days.usage_date = baselines.usage_date

),

scored as (

    select
        tenant_id,
        cast(:billing_period as string) as billing_period,
        usage_date,
        product_code,
        service_name,
        round(actual_cost_usd, 6) as actual_cost_usd,
        round(expected_cost_usd, 6) as expected_cost_usd,
        round(actual_cost_usd - expected_cost_usd, 6) as impact_usd,
        round(greatest(residual_mad, 1.0, 0.05 * expected_cost_usd), 6) as scale_usd,
        round((actual_cost_usd - expected_cost_usd) / greatest(residual_mad, 1.0, 0.05 * expected_cost_usd), 4) as score,
        history_days

    from expected

)

select
    *,
    history_days >= 21
        and impact_usd >= :anomaly_min_impact_usd
        and score >= :anomaly_sensitivity as is_anomaly
from scored
