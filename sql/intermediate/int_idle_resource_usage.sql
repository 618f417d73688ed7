-- int_idle_resource_usage: per resource of one tenant and billing period, up to the as-of date,
-- the charges and activity the idle-resource rules of fct_idle_resources look at.
-- Grain: one row per (resource_kind, resource_id, usage_account_id, region_code).
--   resource_kind: elastic_ip, nat_gateway, load_balancer, ebs_volume, ebs_snapshot,
--                  reserved_instance, savings_plan
-- Columns: charged_hours (the resource's hourly charge quantity, or the span of its charges for
-- storage and commitments), cost_usd (amortized), activity (GB processed for NAT gateways,
-- LCU-hours (+ GB processed of classic ELBs) for load balancers, idle hours for addresses, used
-- commitment for savings plans), commitment_usd (savings plans: total commitment to date).
-- Input view: int_line_items_costed. Parameters: :tenant_id, :billing_period, :as_of_date.

with line_items as (

    select * from int_line_items_costed

),

in_scope as (

    select
        *,
        coalesce(nullif(resource_id, ''), concat('unidentified:', coalesce(usage_type, ''))) as resource_key,
        (unix_timestamp(usage_end) - unix_timestamp(usage_start)) / 3600.0 as line_hours

    from line_items
    where tenant_id = :tenant_id
        and billing_period = :billing_period
        and usage_date <= cast(:as_of_date as date)

),

classified as (

    select
        *,
        case
            when charge_category = 'Usage' and usage_type like '%IdleAddress%' then 'elastic_ip'
            when charge_category = 'Usage' and usage_type like '%NatGateway-%' then 'nat_gateway'
            when charge_category = 'Usage' and product_code = 'AWSELB' then 'load_balancer'
            when charge_category = 'Usage' and usage_type like '%EBS:VolumeUsage%' then 'ebs_volume'
            when charge_category = 'Usage' and usage_type like '%EBS:SnapshotUsage%' then 'ebs_snapshot'
            when line_item_type = 'RIFee' and coalesce(reservation_arn, '') <> '' then 'reserved_instance'
            when line_item_type = 'SavingsPlanRecurringFee' and coalesce(savings_plan_arn, '') <> '' then 'savings_plan'
        end as resource_kind,
        case
            when line_item_type = 'RIFee' then reservation_arn
            when line_item_type = 'SavingsPlanRecurringFee' then savings_plan_arn
        end as commitment_arn

    from in_scope

),

per_resource as (

    select
        resource_kind,
        coalesce(commitment_arn, resource_key) as resource_id,
        usage_account_id,
        region_code,
        max(availability_zone) as availability_zone,
        max(case
                when resource_kind = 'nat_gateway' and usage_type like '%NatGateway-Hours%' then usage_type
                when resource_kind = 'load_balancer' and usage_type like '%LoadBalancerUsage%' then usage_type
                when resource_kind not in ('nat_gateway', 'load_balancer') then usage_type
            end) as usage_type,
        sum(case
                when resource_kind in ('elastic_ip', 'nat_gateway', 'load_balancer')
                    and (usage_type like '%IdleAddress%' or usage_type like '%NatGateway-Hours%'
                        or usage_type like '%LoadBalancerUsage%')
                    then usage_amount
                else 0
            end) as hourly_quantity,
        (unix_timestamp(max(usage_end)) - unix_timestamp(min(usage_start))) / 3600.0 as span_hours,
        cast(sum(amortized_cost) as decimal(30, 10)) as cost_usd,
        sum(case
                when usage_type like '%NatGateway-Bytes%' then usage_amount
                when usage_type like '%LCUUsage%' then usage_amount
                when resource_kind = 'load_balancer' and usage_type like '%DataProcessing-Bytes%' then usage_amount
                when usage_type like '%IdleAddress%' then usage_amount
                when resource_kind = 'savings_plan' then savings_plan_used_commitment
                else 0
            end) as activity,
        sum(case when resource_kind = 'savings_plan' then savings_plan_total_commitment_to_date end) as commitment_usd,
        min(usage_start) as first_usage_start,
        max(usage_end) as last_usage_end

    from classified
    where resource_kind is not null
    group by resource_kind, coalesce(commitment_arn, resource_key), usage_account_id, region_code

),

measured as (

    select
        *,
        case
            when resource_kind in ('elastic_ip', 'nat_gateway', 'load_balancer') then hourly_quantity
            else span_hours
        end as charged_hours

    from per_resource

)

select
    resource_kind, resource_id, usage_account_id, region_code, availability_zone, usage_type,
    charged_hours, cost_usd, activity, commitment_usd, first_usage_start, last_usage_end
from measured
