-- budget_status: a tenant's month-to-date amortized cost against its monthly budget on a
-- reference date, with a run-rate forecast to month end and a status.
-- Grain: one row per (tenant_id, billing_period, as_of_date); no row when the tenant has no budget.
--   month_to_date_usd   amortized cost of the period's days up to and including :as_of_date
--   run_rate_daily_usd  average daily amortized cost of the last 7 days up to :as_of_date (fewer
--                       early in the month), so one-off charges of day 1 weigh less than in an MTD average
--   forecast_usd        the month-end forecast of fct_cost_forecast (tenant total, same as-of date) when
--                       there is one, else month_to_date_usd + run_rate_daily_usd * days left in the month
--   status              EXCEEDED when month-to-date >= budget; WARN when month-to-date or forecast
--                       >= warn_percent of the budget; else OK
-- Input views: fct_cost_daily, fct_cost_forecast, tenant_budgets (tenant_id, monthly_usd, warn_percent).
-- Parameters: :tenant_id, :billing_period (the month of :as_of_date), :as_of_date.

with daily_costs as (

    select * from fct_cost_daily

),

budgets as (

    select * from tenant_budgets

),

month_end_forecasts as (

    select * from fct_cost_forecast

),

modelled as (

    select max(forecast_usd) as forecast_usd

    from month_end_forecasts
    where tenant_id = :tenant_id
        and billing_period = :billing_period
        and as_of_date = cast(:as_of_date as date)
        and horizon = 'month_end'
        and scope = 'tenant'

),

month_to_date as (

    select
        usage_date,
        sum(amortized_cost) as amortized_cost

    from daily_costs
    where tenant_id = :tenant_id
        and billing_period = :billing_period
        and usage_date <= cast(:as_of_date as date)
    group by usage_date

),

calendar as (

    select
        cast(:as_of_date as date) as as_of_date,
        day(cast(:as_of_date as date)) as days_elapsed,
        day(last_day(cast(:as_of_date as date))) as days_in_month,
        least(day(cast(:as_of_date as date)), 7) as run_rate_days

),

totals as (

    select
        coalesce(sum(amortized_cost), 0) as month_to_date_usd,
        coalesce(sum(case when usage_date > date_sub(cast(:as_of_date as date), 7) then amortized_cost end), 0)
            as last_days_usd

    from month_to_date

),

forecast as (

    select
        budgets.tenant_id,
        cast(budgets.monthly_usd as decimal(30, 10)) as budget_usd,
        budgets.warn_percent,
        calendar.as_of_date,
        calendar.days_elapsed,
        calendar.days_in_month,
        cast(totals.month_to_date_usd as decimal(30, 10)) as month_to_date_usd,
        cast(totals.last_days_usd / calendar.run_rate_days as decimal(30, 10)) as run_rate_daily_usd,
        cast(coalesce(modelled.forecast_usd, totals.month_to_date_usd
            + totals.last_days_usd / calendar.run_rate_days * (calendar.days_in_month - calendar.days_elapsed))
            as decimal(30, 10)) as forecast_usd

    from budgets
    cross join calendar
    cross join totals
    cross join modelled
    where budgets.tenant_id = :tenant_id

),

status as (

    select
        tenant_id,
        cast(:billing_period as string) as billing_period,
        as_of_date,
        budget_usd,
        warn_percent,
        days_elapsed,
        days_in_month,
        month_to_date_usd,
        run_rate_daily_usd,
        forecast_usd,
        cast(month_to_date_usd * 100 / budget_usd as double) as percent_used,
        cast(forecast_usd * 100 / budget_usd as double) as forecast_percent,
        case
            when month_to_date_usd >= budget_usd then 'EXCEEDED'
            when greatest(month_to_date_usd, forecast_usd) * 100 >= budget_usd * warn_percent then 'WARN'
            else 'OK'
        end as status

    from forecast

)

select * from status
