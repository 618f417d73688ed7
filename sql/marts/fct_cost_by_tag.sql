-- fct_cost_by_tag: cost allocated by the tenant's configured tag keys. Tag keys are matched
-- case-insensitively and without the user_/user: prefix or punctuation, so `user:Environment`,
-- `user_environment` and `Environment` are one key. Every line item is counted once per
-- configured key: under its value, or under the explicit 'untagged' bucket. Per key, the costs
-- therefore add up to the tenant's total.
-- Grain: one row per (tenant_id, billing_period, usage_date, tag_key, tag_value, usage_account_id, product_code).
-- Input views: int_line_items_costed, tenant_tag_keys (tag_key: normalised key, tag_label: as configured).
-- How: line items are first summed per (day, account, service, tag set): many line items share a tag set
-- (a resource's every usage line), so the key normalisation and matching run once per group, not per line
-- item. Each group is then counted once per configured key under its value. The names are grouped on
-- (hash aggregation: numeric sums only) and their max() taken over the far smaller summed rows.

with line_items as (

    select * from int_line_items_costed

),

tag_keys as (

    select * from tenant_tag_keys

),

key_list as (

    select array_sort(collect_list(struct(tag_key, tag_label))) as keys
    from tag_keys

),

tag_set_groups as (

    select
        tenant_id,
        billing_period,
        usage_date,
        usage_account_id,
        product_code,
        service_name,
        business_unit,
        map_entries(resource_tags) as tags,
        sum(coalesce(unblended_cost, 0)) as unblended_cost,
        sum(coalesce(amortized_cost, 0)) as amortized_cost,
        sum(net_amortized_cost) as net_amortized_cost,
        count(*) as line_item_count

    from line_items
    group by
        tenant_id, billing_period, usage_date, usage_account_id, product_code, service_name, business_unit,
        map_entries(resource_tags)

),

normalised as (

    select
        tenant_id,
        billing_period,
        usage_date,
        usage_account_id,
        product_code,
        service_name,
        business_unit,
        unblended_cost,
        amortized_cost,
        net_amortized_cost,
        line_item_count,
        transform(
            tags,
            tag -> named_struct(
                'key', regexp_replace(regexp_replace(lower(tag.key), '^user[_:]', ''), '[^a-z0-9]', ''),
                'value', tag.value
            )
        ) as tags

    from tag_set_groups

),

allocated_groups as (

    select
        normalised.tenant_id,
        normalised.billing_period,
        normalised.usage_date,
        normalised.usage_account_id,
        normalised.product_code,
        normalised.service_name,
        normalised.business_unit,
        normalised.unblended_cost,
        normalised.amortized_cost,
        normalised.net_amortized_cost,
        normalised.line_item_count,
        explode(transform(
            key_list.keys,
            configured -> named_struct(
                'tag_key', configured.tag_key,
                'tag_label', configured.tag_label,
                'tag_value', coalesce(
                    array_min(transform(filter(normalised.tags, tag -> tag.key = configured.tag_key), tag -> tag.value)),
                    'untagged'
                )
            )
        )) as allocation

    from normalised
    cross join key_list

),

summed as (

    select
        tenant_id,
        billing_period,
        usage_date,
        allocation.tag_key,
        allocation.tag_label,
        allocation.tag_value,
        usage_account_id,
        product_code,
        service_name,
        business_unit,
        sum(unblended_cost) as unblended_cost,
        sum(amortized_cost) as amortized_cost,
        sum(net_amortized_cost) as net_amortized_cost,
        sum(line_item_count) as line_item_count

    from allocated_groups
    group by
        tenant_id, billing_period, usage_date, allocation.tag_key, allocation.tag_label, allocation.tag_value,
        usage_account_id, product_code, service_name, business_unit

),

allocated as (

    select
        tenant_id,
        billing_period,
        usage_date,
        tag_key,
        max(tag_label) as tag_label,
        tag_value,
        usage_account_id,
        product_code,
        max(service_name) as service_name,
        max(business_unit) as business_unit,
        cast(sum(unblended_cost) as decimal(30, 10)) as unblended_cost,
        cast(sum(amortized_cost) as decimal(30, 10)) as amortized_cost,
        cast(sum(net_amortized_cost) as decimal(30, 10)) as net_amortized_cost,
        sum(line_item_count) as line_item_count

    from summed
    group by tenant_id, billing_period, usage_date, tag_key, tag_value, usage_account_id, product_code

)

select * from allocated
