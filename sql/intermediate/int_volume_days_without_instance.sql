-- int_volume_days_without_instance: per EBS volume of one tenant and billing period (up to the
-- as-of date), how many of the days it was charged had no EC2 instance usage at all in the same
-- account and availability zone. A volume can only be attached to an instance of its own account
-- and AZ, so on such a day it was certainly not attached to a running instance: the CUR-only
-- evidence that it is unattached (or attached to a stopped instance), i.e. paid for and unused.
-- Grain: one row per (resource_id, usage_account_id, region_code).
-- Input view: int_line_items_costed. Parameters: :tenant_id, :billing_period, :as_of_date.

with line_items as (

    select * from int_line_items_costed

),

in_scope as (

    select
        *,
        coalesce(nullif(availability_zone, ''), region_code) as zone

    from line_items
    where tenant_id = :tenant_id
        and billing_period = :billing_period
        and usage_date <= cast(:as_of_date as date)
        and charge_category = 'Usage'

),

instance_days as (

    select distinct usage_account_id, zone, usage_date

    from in_scope
    where product_code = 'AmazonEC2'
        and (usage_type like '%BoxUsage%' or usage_type like '%SpotUsage%'
            or usage_type like '%DedicatedUsage%' or usage_type like '%HostUsage%')

),

volume_days as (

    select
        coalesce(nullif(resource_id, ''), concat('unidentified:', usage_type)) as resource_id,
        usage_account_id,
        region_code,
        zone,
        usage_date,
        sum(amortized_cost) as cost_usd

    from in_scope
    where usage_type like '%EBS:VolumeUsage%'
    group by coalesce(nullif(resource_id, ''), concat('unidentified:', usage_type)), usage_account_id, region_code,
        zone, usage_date

),

per_volume as (

    select
        volume_days.resource_id,
        volume_days.usage_account_id,
        volume_days.region_code,
        count(*) as charged_days,
        sum(case when instance_days.usage_date is null then 1 else 0 end) as days_without_instance,
        cast(sum(case when instance_days.usage_date is null then volume_days.cost_usd else 0 end)
            as decimal(30, 10)) as cost_without_instance_usd

    from volume_days
    left join instance_days
        on volume_days.usage_account_id = instance_days.usage_account_id
        and volume_days.zone = instance_days.zone
        and volume_days.usage_date = instance_days.usage_date
    group by volume_days.resource_id, volume_days.usage_account_id, volume_days.region_code

)

select * from per_volume
