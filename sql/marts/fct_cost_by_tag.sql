-- fct_cost_by_tag: cost allocated by the tenant's configured tag keys. Tag keys are matched
-- case-insensitively and without the user_/user: prefix or punctuation, so `user:Environment`,
-- `user_environment` and `Environment` are one key. Every line item is counted once per
-- configured key: under its value, or under the explicit 'untagged' bucket. Per key, the costs
-- therefore add up to the tenant's total.
-- Grain: one row per (tenant_id, billing_period, usage_date, tag_key, tag_value, usage_account_id, product_code).
-- Input views: int_line_items_costed, tenant_tag_keys (tag_key: normalised key, tag_label: as configured).

with line_items as (

    select * from int_line_items_costed

),

tag_keys as (

    select * from tenant_tag_keys

),

tagged as (

    select
        line_items.*,
        tag_keys.tag_key,
        tag_keys.tag_label,
        array_min(
            transform(
                filter(
                    map_entries(line_items.resource_tags),
                    entry -> regexp_replace(regexp_replace(lower(entry.key), '^user[_:]', ''), '[^a-z0-9]', '') = tag_keys.tag_key
                ),
                entry -> entry.value
            )
        ) as matched_value

    from line_items
    cross join tag_keys

),

allocated as (

    select
        tenant_id,
        billing_period,
        usage_date,
        tag_key,
        max(tag_label) as tag_label,
        coalesce(matched_value, 'untagged') as tag_value,
        usage_account_id,
        product_code,
        max(service_name) as service_name,
        max(business_unit) as business_unit,
        cast(sum(coalesce(unblended_cost, 0)) as decimal(30, 10)) as unblended_cost,
        cast(sum(coalesce(amortized_cost, 0)) as decimal(30, 10)) as amortized_cost,
        cast(sum(net_amortized_cost) as decimal(30, 10)) as net_amortized_cost,
        count(*) as line_item_count

    from tagged
    group by tenant_id, billing_period, usage_date, tag_key, coalesce(matched_value, 'untagged'),
        usage_account_id, product_code

)

select * from allocated
