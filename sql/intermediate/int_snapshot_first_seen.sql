-- int_snapshot_first_seen: the day each EBS snapshot of a tenant first appears in the data, over
-- every billing period up to the one analysed (the CUR has no creation date: first appearance is
-- the best CUR-only evidence of a snapshot's age).
-- Grain: one row per (tenant_id, resource_id).
-- Input view: bronze_cur_line_items_history (the tenant's bronze rows of every period).

with history as (

    select * from bronze_cur_line_items_history

),

snapshot_charges as (

    select
        tenant_id,
        line_item_resource_id as resource_id,
        cast(line_item_usage_start_date as date) as usage_date

    from history
    where tenant_id = :tenant_id
        and billing_period <= :billing_period
        and line_item_usage_type like '%EBS:SnapshotUsage%'
        and coalesce(line_item_resource_id, '') <> ''

),

first_seen as (

    select
        tenant_id,
        resource_id,
        min(usage_date) as first_seen_date

    from snapshot_charges
    group by tenant_id, resource_id

)

select * from first_seen
