-- fct_idle_resources: resources of one tenant and billing period that are paid for and (nearly)
-- unused, one row per finding, with the rule, the evidence and the estimated monthly waste.
-- Grain: one row per (tenant_id, billing_period, rule_id, resource_id, usage_account_id, region_code).
-- Rules (thresholds are the tenant's idle: config, passed as parameters):
--   eip_idle_address         IdleAddress charges (Elastic IP / public IPv4 not attached to a running instance)
--   nat_gateway_idle         NatGateway-Hours paid, NatGateway-Bytes per month < :idle_nat_min_gb_per_month
--   load_balancer_idle       LoadBalancerUsage paid, LCU-hours per month < :idle_lb_min_lcu_hours_per_month
--   ebs_volume_unattached    EBS:VolumeUsage charged on >= :idle_ebs_min_days_without_instance days with no
--                            EC2 instance usage in its account and AZ (int_volume_days_without_instance)
--   ebs_snapshot_old         EBS:SnapshotUsage first seen > :idle_snapshot_max_age_days before :as_of_date
--   ri_unused                RIFee unused amortized upfront + unused recurring fee > 0
--   savings_plan_unused      SavingsPlanRecurringFee total commitment to date - used commitment > 0
-- estimated_monthly_waste_usd = waste cost / waste hours * 730 (the average month); findings below
-- :idle_min_monthly_waste_usd are dropped.
-- Input views: int_idle_resource_usage, int_volume_days_without_instance, int_snapshot_first_seen.

with resources as (

    select * from int_idle_resource_usage

),

volumes as (

    select * from int_volume_days_without_instance

),

snapshot_first_seen as (

    select * from int_snapshot_first_seen

),

idle_addresses as (

    select
        'eip_idle_address' as rule_id, resource_id, usage_account_id, region_code, availability_zone, usage_type,
        charged_hours, cost_usd, cost_usd as waste_usd, charged_hours as waste_hours,
        'idle_address_hours' as evidence_metric, activity as evidence_value, cast(null as double) as threshold_value,
        first_usage_start, last_usage_end

    from resources
    where resource_kind = 'elastic_ip' and charged_hours > 0

),

low_activity_resources as (

    -- NAT gateways and load balancers: paid per hour, idle when their activity per month is low
    select
        *,
        case resource_kind when 'nat_gateway' then 'nat_gateway_idle' else 'load_balancer_idle' end as rule_id,
        case resource_kind when 'nat_gateway' then 'gb_processed_per_month' else 'lcu_hours_per_month' end
            as evidence_metric,
        activity * 730 / charged_hours as activity_per_month,
        case resource_kind
            when 'nat_gateway' then cast(:idle_nat_min_gb_per_month as double)
            else cast(:idle_lb_min_lcu_hours_per_month as double)
        end as threshold_value

    from resources
    where resource_kind in ('nat_gateway', 'load_balancer') and charged_hours > 0

),

idle_gateways_and_balancers as (

    select
        rule_id, resource_id, usage_account_id, region_code, availability_zone, usage_type,
        charged_hours, cost_usd, cost_usd as waste_usd, charged_hours as waste_hours,
        evidence_metric, activity_per_month as evidence_value, threshold_value,
        first_usage_start, last_usage_end

    from low_activity_resources
    where activity_per_month < threshold_value

),

unattached_volumes as (

    select
        'ebs_volume_unattached' as rule_id, resources.resource_id, resources.usage_account_id, resources.region_code,
        resources.availability_zone, resources.usage_type,
        resources.charged_hours, resources.cost_usd, volumes.cost_without_instance_usd as waste_usd,
        volumes.days_without_instance * 24.0 as waste_hours,
        'days_without_instance_in_az' as evidence_metric, cast(volumes.days_without_instance as double) as evidence_value,
        cast(:idle_ebs_min_days_without_instance as double) as threshold_value,
        resources.first_usage_start, resources.last_usage_end

    from resources
    inner join volumes
        on resources.resource_id = volumes.resource_id
        and resources.usage_account_id = volumes.usage_account_id
        and resources.region_code = volumes.region_code
    where resources.resource_kind = 'ebs_volume'
        and volumes.days_without_instance >= :idle_ebs_min_days_without_instance

),

aged_snapshots as (

    select
        resources.*,
        datediff(cast(:as_of_date as date),
            coalesce(snapshot_first_seen.first_seen_date, cast(resources.first_usage_start as date))) as age_days

    from resources
    left join snapshot_first_seen
        on resources.resource_id = snapshot_first_seen.resource_id
    where resources.resource_kind = 'ebs_snapshot'

),

old_snapshots as (

    select
        'ebs_snapshot_old' as rule_id, resource_id, usage_account_id, region_code, availability_zone, usage_type,
        charged_hours, cost_usd, cost_usd as waste_usd, charged_hours as waste_hours,
        'snapshot_age_days' as evidence_metric, cast(age_days as double) as evidence_value,
        cast(:idle_snapshot_max_age_days as double) as threshold_value,
        first_usage_start, last_usage_end

    from aged_snapshots
    where age_days > :idle_snapshot_max_age_days

),

unused_reservations as (

    select
        'ri_unused' as rule_id, resource_id, usage_account_id, region_code, availability_zone, usage_type,
        charged_hours, cost_usd, cost_usd as waste_usd, charged_hours as waste_hours,
        'unused_fee_usd' as evidence_metric, cast(cost_usd as double) as evidence_value,
        cast(null as double) as threshold_value,
        first_usage_start, last_usage_end

    from resources
    where resource_kind = 'reserved_instance' and cost_usd > 0

),

unused_savings_plans as (

    select
        'savings_plan_unused' as rule_id, resource_id, usage_account_id, region_code, availability_zone, usage_type,
        charged_hours, cost_usd, cost_usd as waste_usd, charged_hours as waste_hours,
        'utilization_pct' as evidence_metric, activity * 100 / nullif(commitment_usd, 0) as evidence_value,
        cast(null as double) as threshold_value,
        first_usage_start, last_usage_end

    from resources
    where resource_kind = 'savings_plan' and cost_usd > 0

),

findings as (

    select * from idle_addresses
    union all select * from idle_gateways_and_balancers
    union all select * from unattached_volumes
    union all select * from old_snapshots
    union all select * from unused_reservations
    union all select * from unused_savings_plans

),

estimated as (

    select
        cast(:tenant_id as string) as tenant_id,
        cast(:billing_period as string) as billing_period,
        rule_id,
        resource_id,
        usage_account_id,
        region_code,
        availability_zone,
        usage_type,
        cast(charged_hours as double) as charged_hours,
        cost_usd,
        cast(waste_usd * 730 / greatest(waste_hours, 1.0) as decimal(30, 10)) as estimated_monthly_waste_usd,
        evidence_metric,
        cast(evidence_value as double) as evidence_value,
        threshold_value,
        first_usage_start,
        last_usage_end,
        cast(:as_of_date as date) as as_of_date

    from findings

)

select * from estimated
where estimated_monthly_waste_usd >= :idle_min_monthly_waste_usd
