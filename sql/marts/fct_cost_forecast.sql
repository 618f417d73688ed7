-- fct_cost_forecast: a tenant's month-end forecast of the billing period of :as_of_date and its
-- forecast of the next month, per service and in total, with an 80% prediction interval and the
-- two naive baselines the backtest compares against.
-- Method, per service (product_code), from the data up to :as_of_date only:
--   usage (charge_category Usage), over the last 28 days d (zero-filled; fewer for a young tenant):
--     level     L  = mean cost of the last 14 days (centred 6.5 days before the as-of date)
--     trend     b  = (L - mean of the 14 days before) / 14 per day, 0 with under 28 days of history
--     weekday   f_w = mean cost on weekday w / mean cost of the 28 days (1 with under 14 days or no cost)
--     day t, h = t - as-of days ahead:  cost(t) = max(0, L + 0.5 * b * min(h + 6.5, 45)) * f_w(t)
--                (a trend damped by half and capped at 45 days)
--   once-a-month charges (every other charge category: fees, tax, credits): those already posted
--     this month, else last month's
--   model      = month_end: month-to-date actual + cost(t) over the days left + once-a-month charges
--                not yet posted; next_month: cost(t) over the next month's days + once-a-month charges
--   forecast   = the mean of the model and its paired naive baseline below: the run rate for
--                month_end, the last complete month for next_month (the model alone while the
--                tenant's data does not cover that month). Averaging them beat either alone on the
--                backtest (README, "Measured evaluation").
--   interval   = per service: forecast +- 1.2816 * s * sqrt(n + n^2 / 14), n days forecast, s the
--                standard deviation of the 28 days' residuals against f_w * (level + trend)
-- The tenant row (product_code 'TOTAL') sums the services. Its interval half-width is the largest of
--   the root of the sum of squares of the services' half-widths, the empirical 80th percentile of the
--   tenant's own relative errors (|next 14 days' usage / (14 * mean of the 14 days before) - 1| over
--   every day of its history with both windows in it, at least 5 such days) times the usage
--   forecast (split-conformal style, from data up to :as_of_date only), and half the gap between
--   the model and the baseline it is averaged with.
-- Baselines: naive_last_month_usd = the total of the last complete month before the target month
-- (as of the date); naive_run_rate_usd = month-to-date actual + mean daily cost of the last 28
-- days (every charge) * days left (next month: * its days).
-- Deterministic for the same input and as-of date: no clock, results rounded to 6 decimals.
-- Grain: one row per (tenant_id, billing_period, as_of_date, horizon, product_code).
-- Input view: fct_cost_daily. Parameters: :tenant_id, :billing_period (the month of :as_of_date), :as_of_date.

with daily_costs as (

    select * from fct_cost_daily

),

bounds as (

    select
        cast(:as_of_date as date) as as_of_date,
        to_date(concat(:billing_period, '-01')) as period_start,
        last_day(to_date(concat(:billing_period, '-01'))) as period_end,
        add_months(to_date(concat(:billing_period, '-01')), 1) as next_start,
        last_day(add_months(to_date(concat(:billing_period, '-01')), 1)) as next_end,
        add_months(to_date(concat(:billing_period, '-01')), -1) as previous_start,
        add_months(to_date(concat(:billing_period, '-01')), -2) as before_previous_start

),

tenant_costs as (

    select
        daily_costs.product_code,
        daily_costs.service_name,
        daily_costs.usage_date,
        daily_costs.charge_category,
        cast(daily_costs.amortized_cost as double) as cost_usd

    from daily_costs
    cross join bounds
    where daily_costs.tenant_id = :tenant_id
        and daily_costs.usage_date <= bounds.as_of_date
        and daily_costs.usage_date >= bounds.before_previous_start

),

history_window as (

    select
        greatest(date_sub(bounds.as_of_date, 27), min(tenant_costs.usage_date)) as first_date,
        bounds.as_of_date as last_date,
        min(tenant_costs.usage_date) <= case when bounds.as_of_date = bounds.period_end then bounds.period_start
            else bounds.previous_start end as has_full_last_month

    from tenant_costs
    cross join bounds
    group by bounds.as_of_date, bounds.period_end, bounds.period_start, bounds.previous_start

),

history_calendar as (

    select explode(sequence(first_date, last_date)) as usage_date

    from history_window
    where first_date <= last_date

),

services as (

    select product_code, max(service_name) as service_name

    from tenant_costs
    cross join bounds
    where tenant_costs.usage_date >= bounds.previous_start
    group by product_code

),

usage_days as (

    select product_code, usage_date, sum(cost_usd) as cost_usd

    from tenant_costs
    where charge_category = 'Usage'
    group by product_code, usage_date

),

series as (

    select
        services.product_code,
        history_calendar.usage_date,
        dayofweek(history_calendar.usage_date) as weekday,
        datediff(bounds.as_of_date, history_calendar.usage_date) as age_days,
        coalesce(usage_days.cost_usd, 0.0) as cost_usd

    from services
    cross join history_calendar
    cross join bounds
    left join usage_days
        on services.product_code = usage_days.product_code
        and history_calendar.usage_date = usage_days.usage_date

),

levels as (

    select
        product_code,
        count(*) as history_days,
        avg(cost_usd) as mean_usd,
        avg(case when age_days < 14 then cost_usd end) as level_usd,
        case
            when count(*) >= 28
                then (avg(case when age_days < 14 then cost_usd end) - avg(case when age_days >= 14 then cost_usd end)) / 14.0
            else 0.0
        end as trend_usd_per_day

    from series
    group by product_code

),

weekday_factors as (

    select
        series.product_code,
        series.weekday,
        case
            when levels.history_days >= 14 and levels.mean_usd > 0 then avg(series.cost_usd) / levels.mean_usd
            else 1.0
        end as weekday_factor

    from series
    inner join levels on series.product_code = levels.product_code
    group by series.product_code, series.weekday, levels.history_days, levels.mean_usd

),

residuals as (

    select
        series.product_code,
        coalesce(stddev_pop(series.cost_usd - weekday_factors.weekday_factor
            * (levels.level_usd + levels.trend_usd_per_day * (6.5 - series.age_days))), 0.0) as residual_sd_usd

    from series
    inner join levels on series.product_code = levels.product_code
    inner join weekday_factors
        on series.product_code = weekday_factors.product_code
        and series.weekday = weekday_factors.weekday
    group by series.product_code

),

tenant_calendar as (

    select explode(sequence(min(tenant_costs.usage_date), max(bounds.as_of_date))) as usage_date

    from tenant_costs
    cross join bounds

),

tenant_usage_series as (

    select
        bounds.as_of_date,
        tenant_calendar.usage_date,
        row_number() over (partition by bounds.as_of_date order by tenant_calendar.usage_date) as day_number,
        count(*) over (partition by bounds.as_of_date) as calendar_days,
        coalesce(sum(usage_days.cost_usd), 0.0) as cost_usd

    from tenant_calendar
    cross join bounds
    left join usage_days on tenant_calendar.usage_date = usage_days.usage_date
    group by bounds.as_of_date, tenant_calendar.usage_date

),

origin_errors as (

    select
        day_number,
        calendar_days,
        avg(cost_usd) over (partition by as_of_date order by day_number rows between 13 preceding and current row)
            as level_usd,
        sum(cost_usd) over (partition by as_of_date order by day_number rows between 1 following and 14 following)
            as next_14_days_usd

    from tenant_usage_series

),

empirical_spread as (

    select
        percentile(abs(next_14_days_usd / (14.0 * level_usd) - 1.0), 0.8) as relative_error_q80,
        count(*) as origins

    from origin_errors
    where day_number >= 14
        and day_number + 14 <= calendar_days
        and level_usd > 0

),

future_days as (

    select
        explode(sequence(date_add(as_of_date, 1), next_end)) as usage_date

    from bounds

),

future_costs as (

    select
        levels.product_code,
        case when future_days.usage_date <= bounds.period_end then 'month_end' else 'next_month' end as horizon,
        greatest(0.0, levels.level_usd + 0.5 * levels.trend_usd_per_day
            * least(datediff(future_days.usage_date, bounds.as_of_date) + 6.5, 45.0))
            * coalesce(weekday_factors.weekday_factor, 1.0) as cost_usd

    from levels
    cross join future_days
    cross join bounds
    left join weekday_factors
        on levels.product_code = weekday_factors.product_code
        and dayofweek(future_days.usage_date) = weekday_factors.weekday

),

future_totals as (

    select product_code, horizon, sum(cost_usd) as usage_forecast_usd, count(*) as days_forecast

    from future_costs
    group by product_code, horizon

),

period_totals as (

    select
        tenant_costs.product_code,
        sum(case when tenant_costs.usage_date >= bounds.period_start and charge_category = 'Usage'
            then cost_usd else 0.0 end) as usage_to_date_usd,
        sum(case when tenant_costs.usage_date >= bounds.period_start and charge_category <> 'Usage'
            then cost_usd else 0.0 end) as monthly_charges_to_date_usd,
        sum(case when tenant_costs.usage_date >= bounds.previous_start and tenant_costs.usage_date < bounds.period_start
            and charge_category <> 'Usage' then cost_usd else 0.0 end) as previous_monthly_charges_usd,
        sum(case when tenant_costs.usage_date >= bounds.previous_start and tenant_costs.usage_date < bounds.period_start
            then cost_usd else 0.0 end) as previous_month_usd,
        sum(case when tenant_costs.usage_date < bounds.previous_start then cost_usd else 0.0 end)
            as before_previous_month_usd,
        sum(case when tenant_costs.usage_date > date_sub(bounds.as_of_date, 28) then cost_usd else 0.0 end)
            as last_28_days_usd

    from tenant_costs
    cross join bounds
    group by tenant_costs.product_code

),

service_forecasts as (

    select
        services.product_code,
        services.service_name,
        horizons.horizon,
        case when horizons.horizon = 'month_end' then :billing_period
            else date_format(bounds.next_start, 'yyyy-MM') end as target_period,
        case when horizons.horizon = 'month_end'
            then coalesce(period_totals.usage_to_date_usd, 0.0) + coalesce(period_totals.monthly_charges_to_date_usd, 0.0)
            else 0.0 end as actual_to_date_usd,
        coalesce(levels.level_usd, 0.0) as level_usd,
        coalesce(levels.trend_usd_per_day, 0.0) as trend_usd_per_day,
        coalesce(future_totals.usage_forecast_usd, 0.0) as usage_forecast_usd,
        case
            when coalesce(period_totals.monthly_charges_to_date_usd, 0.0) <> 0.0
                then case when horizons.horizon = 'month_end' then 0.0 else period_totals.monthly_charges_to_date_usd end
            else coalesce(period_totals.previous_monthly_charges_usd, 0.0)
        end as monthly_charges_forecast_usd,
        coalesce(future_totals.days_forecast, 0) as days_forecast,
        coalesce(residuals.residual_sd_usd, 0.0) as residual_sd_usd,
        case
            when horizons.horizon = 'month_end' then coalesce(period_totals.previous_month_usd, 0.0)
            when bounds.as_of_date = bounds.period_end
                then coalesce(period_totals.usage_to_date_usd, 0.0) + coalesce(period_totals.monthly_charges_to_date_usd, 0.0)
            else coalesce(period_totals.previous_month_usd, 0.0)
        end as naive_last_month_usd,
        coalesce(period_totals.last_28_days_usd, 0.0)
            / (datediff(bounds.as_of_date, history_window.first_date) + 1) as mean_daily_usd,
        history_window.has_full_last_month

    from services
    cross join (select 'month_end' as horizon union all select 'next_month' as horizon) as horizons
    cross join bounds
    cross join history_window
    left join levels on services.product_code = levels.product_code
    left join residuals on services.product_code = residuals.product_code
    left join period_totals on services.product_code = period_totals.product_code
    left join future_totals
        on services.product_code = future_totals.product_code
        and horizons.horizon = future_totals.horizon

),

service_models as (

    select
        product_code,
        service_name,
        'service' as scope,
        horizon,
        target_period,
        actual_to_date_usd,
        level_usd,
        trend_usd_per_day,
        days_forecast,
        usage_forecast_usd,
        actual_to_date_usd + usage_forecast_usd + monthly_charges_forecast_usd as model_forecast_usd,
        1.2816 * residual_sd_usd * sqrt(days_forecast + days_forecast * days_forecast / 14.0) as half_width_usd,
        naive_last_month_usd,
        actual_to_date_usd + mean_daily_usd * days_forecast as naive_run_rate_usd,
        case when horizon = 'month_end' then actual_to_date_usd + mean_daily_usd * days_forecast
            when has_full_last_month then naive_last_month_usd
            else actual_to_date_usd + usage_forecast_usd + monthly_charges_forecast_usd end as paired_baseline_usd

    from service_forecasts

),

service_rows as (

    select
        product_code,
        service_name,
        scope,
        horizon,
        target_period,
        actual_to_date_usd,
        level_usd,
        trend_usd_per_day,
        days_forecast,
        usage_forecast_usd,
        model_forecast_usd,
        0.5 * model_forecast_usd + 0.5 * paired_baseline_usd as forecast_usd,
        paired_baseline_usd,
        half_width_usd,
        naive_last_month_usd,
        naive_run_rate_usd

    from service_models

),

tenant_rows as (

    select
        'TOTAL' as product_code,
        'All services' as service_name,
        'tenant' as scope,
        horizon,
        target_period,
        sum(actual_to_date_usd) as actual_to_date_usd,
        sum(level_usd) as level_usd,
        sum(trend_usd_per_day) as trend_usd_per_day,
        max(days_forecast) as days_forecast,
        sum(forecast_usd) as forecast_usd,
        greatest(
            sqrt(sum(half_width_usd * half_width_usd)),
            coalesce(max(empirical_spread.relative_error_q80), 0.0) * sum(usage_forecast_usd),
            0.5 * abs(sum(model_forecast_usd) - sum(paired_baseline_usd))
        ) as half_width_usd,
        sum(naive_last_month_usd) as naive_last_month_usd,
        sum(naive_run_rate_usd) as naive_run_rate_usd

    from service_rows
    left join empirical_spread on empirical_spread.origins >= 5
    group by horizon, target_period

),

forecasts as (

    select
        product_code, service_name, scope, horizon, target_period, actual_to_date_usd, level_usd,
        trend_usd_per_day, days_forecast, forecast_usd, half_width_usd, naive_last_month_usd, naive_run_rate_usd

    from service_rows
    union all
    select * from tenant_rows

)

select
    cast(:tenant_id as string) as tenant_id,
    cast(:billing_period as string) as billing_period,
    bounds.as_of_date,
    forecasts.horizon,
    forecasts.target_period,
    forecasts.scope,
    forecasts.product_code,
    forecasts.service_name,
    forecasts.days_forecast,
    round(forecasts.actual_to_date_usd, 6) as actual_to_date_usd,
    round(forecasts.level_usd, 6) as usage_level_daily_usd,
    round(forecasts.trend_usd_per_day, 6) as usage_trend_daily_usd,
    round(forecasts.forecast_usd, 6) as forecast_usd,
    round(forecasts.forecast_usd - forecasts.half_width_usd, 6) as lower_usd,
    round(forecasts.forecast_usd + forecasts.half_width_usd, 6) as upper_usd,
    0.8 as interval_level,
    round(forecasts.naive_last_month_usd, 6) as naive_last_month_usd,
    round(forecasts.naive_run_rate_usd, 6) as naive_run_rate_usd

from forecasts
cross join bounds
