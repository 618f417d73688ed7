-- fct_cost_by_tag: cost allocated by the tenant's configured tag keys. Tag keys are matched
-- case-insensitively and without the user_/user: prefix or punctuation, so `user:Environment`,
-- `user_environment` and `Environment` are one key. Every line item is counted once per
-- configured key: under its value, or under the explicit 'untagged' bucket. Per key, the costs
-- therefore add up to the tenant's total.
-- Grain: one row per (tenant_id, billing_period, usage_date, tag_key, tag_value, usage_account_id, product_code).
-- Input views: int_line_items_costed, tenant_tag_keys (tag_key: normalised key, tag_label: as configured).
-- How: each line item's tag keys are normalised once and matched against all configured keys in one
-- pass (an array of values, one per key); line items are summed per (day, account, service, values)
-- before that array is exploded into one row per key, so the per-key rows come from pre-summed groups,
-- not from every line item times every key.

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
        transform(
            map_entries(resource_tags),
            entry -> named_struct(
                'key', regexp_replace(regexp_replace(lower(entry.key), '^user[_:]', ''), '[^a-z0-9]', ''),
                'value', entry.value
            )
        ) as tags

    from line_items

),

matched as (

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
        transform(
            key_list.keys,
            configured -> array_min(
                transform(filter(normalised.tags, tag -> tag.key = configured.tag_key), tag -> tag.value)
            )
        ) as matched_values

    from normalised
    cross join key_list

),

summed as (

    select
        tenant_id,
        billing_period,
        usage_date,
        usage_account_id,
        product_code,
        matched_values,
        max(service_name) as service_name,
        max(business_unit) as business_unit,
        sum(coalesce(unblended_cost, 0)) as unblended_cost,
        sum(coalesce(amortized_cost, 0)) as amortized_cost,
        sum(net_amortized_cost) as net_amortized_cost,
        count(*) as line_item_count

    from matched
    group by tenant_id, billing_period, usage_date, usage_account_id, product_code, matched_values

),

per_key as (

    select
        summed.*,
        posexplode(matched_values) as (key_position, matched_value)

    from summed

),

labelled as (

    select
        per_key.*,
        key_list.keys[per_key.key_position].tag_key as tag_key,
        key_list.keys[per_key.key_position].tag_label as tag_label,
        coalesce(per_key.matched_value, 'untagged') as tag_value

    from per_key
    cross join key_list

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

    from labelled
    group by tenant_id, billing_period, usage_date, tag_key, tag_value, usage_account_id, product_code

)

select * from allocated
