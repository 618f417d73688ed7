-- fct_cost_anomalies: every day of one billing period (up to :as_of_date) per tenant and service,
-- its actual amortized usage cost against a robust, weekday-aware expected cost, and whether it
-- is an anomaly: a single anomalous day (spike) or the day a 7-day cost crosses (level shift, drift).
-- Method, per (service, day d), over the trailing 28 days d-28 .. d-1 (zero-filled):
--   weekday median  m   = median of the 4 days with d's weekday (d-7, d-14, d-21, d-28)
--   trend           t   = (median of d-14..d-1 - median of d-28..d-15) / 14, per day
--   expected        e   = max(0, m + 17.5 t)   (the weekday median is centred 17.5 days before d)
--   noise           σ   = 1.048 * median |c(p) - c(q)| over the 42 pairs of days p, q of the window
--                         with the same weekday (Shamos' estimator within weekdays: seasonality-free,
--                         robust to a few outliers, consistent for Gaussian noise: |c(p)-c(q)| has
--                         median 0.6745 * √2 σ)
--   scale           s   = max(1.27 σ, $1, 5% of e): 1.27 σ is the standard deviation of actual - e
--                         itself, since e carries the noise of a 4-day median and of two 14-day
--                         medians (Monte Carlo on i.i.d. Gaussian days, 200,000 draws: 1.271 σ;
--                         analytically √(1 + 0.30 + 0.33 - their covariance))
--   score               = (actual - e) / s, ~ N(0, 1) on a day without change
-- The 7-day cost W(d) = c(d-6) + .. + c(d) holds every weekday once, so it needs no weekday model:
--   expected 7 days E   = mean of W(d-7), W(d-14), W(d-21): the three weeks before the window, never
--                         the window itself (a shift inside it does not lift its own baseline), and
--                         mean-unbiased (daily costs are skewed: a median sits below their mean)
--   7-day noise     σw  = 1.048 * median |W(x) - W(x-7)| over x = d-21 .. d-7: the 15 week-on-week
--                         changes of the weeks before the window (same consistency constant as σ).
--                         None of them holds a day of W(d): a ramp inside the window must not widen
--                         the scale it is measured against (it did when the changes ran to d-1, and
--                         a 10-day drift to 2.5x then never reached the sensitivity)
--   window score        = (W(d) - E) / max(1.155 σw, $1, 10% of E): 1.155 = √(1 + 1/3), the
--                         standard deviation of W(d) - E, E being a mean of three weeks. The 10%
--                         floor: costs also step between months (new resources, new prices) by more
--                         than the noise inside 28 days shows; at sensitivity 4 a window must be
--                         40% above the three weeks before it
--   is_anomaly          = at least 21 days of history, and either
--                         day:    actual - e >= :anomaly_min_impact_usd and score >= :anomaly_sensitivity
--                         window: the window score reaches :anomaly_sensitivity and W(d) - E reaches
--                                 :anomaly_min_impact_usd on d, and both did on none of the 6 days
--                                 before (reported once per episode, on its first reportable day, even
--                                 when d itself is a low day of the week; a small new service whose
--                                 score is high from its first day is reported when its impact grows
--                                 to the minimum)
--                         (cost increases only). The window catches a moderate shift or ramp that no
--                         single day shows at the sensitivity.
-- Medians are exact (percentile), so the result is deterministic for the same input and as-of date.
-- Grain: one row per (tenant_id, billing_period, usage_date, product_code).
-- Input view: int_daily_service_cost (it starts 42 days before the period: the 6 days before the
-- period are scored too, for the crossing test of the period's first day, with their own history,
-- which reaches 34 days back for the oldest week-on-week change).

with series as (

    select * from int_daily_service_cost

),

evaluated_days as (

    select *

    from series
    where usage_date >= date_sub(to_date(concat(:billing_period, '-01')), 6)
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

noise as (

    select
        history.product_code,
        history.usage_date,
        1.048 * percentile(abs(history.past_cost - other.past_cost), 0.5) as noise_sigma

    from history
    inner join history as other
        on history.product_code = other.product_code
        and history.usage_date = other.usage_date
        and history.past_weekday = other.past_weekday
        and history.past_date < other.past_date
    group by history.product_code, history.usage_date

),

baselines as (

    select
        history.product_code,
        history.usage_date,
        count(*) as history_days,
        max(case when history.past_weekday = dayofweek(history.usage_date) then weekday_medians.weekday_median end)
            as weekday_median,
        percentile(case when history.lag_days <= 14 then history.past_cost end, 0.5)
            - percentile(case when history.lag_days > 14 then history.past_cost end, 0.5) as half_window_shift

    from history
    inner join weekday_medians
        on history.product_code = weekday_medians.product_code
        and history.usage_date = weekday_medians.usage_date
        and history.past_weekday = weekday_medians.past_weekday
    group by history.product_code, history.usage_date

),

weeks as (

    select
        product_code,
        usage_date,
        sum(cost_usd) over (partition by product_code order by usage_date rows between 6 preceding and current row)
            as week_cost

    from series

),

week_changes as (

    select
        weeks.product_code,
        weeks.usage_date,
        weeks.week_cost,
        abs(weeks.week_cost - week_before.week_cost) as week_change

    from weeks
    left join weeks as week_before
        on weeks.product_code = week_before.product_code
        and week_before.usage_date = date_sub(weeks.usage_date, 7)

),

week_baselines as (

    select
        evaluated_days.product_code,
        evaluated_days.usage_date,
        max(case when datediff(evaluated_days.usage_date, week_changes.usage_date) = 0 then week_changes.week_cost end)
            as week_cost,
        avg(case when datediff(evaluated_days.usage_date, week_changes.usage_date) in (7, 14, 21)
            then week_changes.week_cost end) as expected_week_cost,
        1.048 * percentile(case when datediff(evaluated_days.usage_date, week_changes.usage_date) between 7 and 21
            then week_changes.week_change end, 0.5) as week_noise_sigma

    from evaluated_days
    inner join week_changes
        on evaluated_days.product_code = week_changes.product_code
        and week_changes.usage_date between date_sub(evaluated_days.usage_date, 21) and evaluated_days.usage_date
    group by evaluated_days.product_code, evaluated_days.usage_date

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
        coalesce(noise.noise_sigma, 0.0) as noise_sigma,
        week_baselines.week_cost,
        coalesce(week_baselines.expected_week_cost, 0.0) as expected_week_cost,
        coalesce(week_baselines.week_noise_sigma, 0.0) as week_noise_sigma

    from evaluated_days
    left join baselines
        on evaluated_days.product_code = baselines.product_code
        and evaluated_days.usage_date = baselines.usage_date
    left join noise
        on evaluated_days.product_code = noise.product_code
        and evaluated_days.usage_date = noise.usage_date
    left join week_baselines
        on evaluated_days.product_code = week_baselines.product_code
        and evaluated_days.usage_date = week_baselines.usage_date

),

scored as (

    select
        tenant_id,
        usage_date,
        product_code,
        service_name,
        actual_cost_usd,
        expected_cost_usd,
        actual_cost_usd - expected_cost_usd as impact,
        greatest(1.27 * noise_sigma, 1.0, 0.05 * expected_cost_usd) as scale,
        week_cost - expected_week_cost as window_impact,
        greatest(1.155 * week_noise_sigma, 1.0, 0.10 * expected_week_cost) as window_scale,
        history_days

    from expected

),

windowed as (

    select
        *,
        impact / scale as day_score,
        window_impact / window_scale as window_score

    from scored

),

reportable as (

    select
        *,
        impact >= :anomaly_min_impact_usd and day_score >= :anomaly_sensitivity as day_anomaly,
        history_days >= 21 and window_impact >= :anomaly_min_impact_usd
            and window_score >= :anomaly_sensitivity as window_reportable

    from windowed

),

flagged as (

    select
        *,
        window_reportable
            and not coalesce(max(window_reportable) over (partition by product_code order by usage_date
                rows between 6 preceding and 1 preceding), false) as window_anomaly

    from reportable

)

select
    tenant_id,
    cast(:billing_period as string) as billing_period,
    usage_date,
    product_code,
    service_name,
    round(actual_cost_usd, 6) as actual_cost_usd,
    round(expected_cost_usd, 6) as expected_cost_usd,
    round(impact, 6) as impact_usd,
    round(scale, 6) as scale_usd,
    round(day_score, 4) as score,
    round(window_impact, 6) as window_impact_usd,
    round(window_score, 4) as window_score,
    history_days,
    history_days >= 21 and (day_anomaly or window_anomaly) as is_anomaly,
    case
        when history_days >= 21 and day_anomaly then 'day'
        when history_days >= 21 and window_anomaly then 'window'
    end as detected_by
from flagged
where usage_date >= to_date(concat(:billing_period, '-01'))
