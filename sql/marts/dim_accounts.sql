-- dim_accounts: every account of the tenant, from the config's account map and from the
-- accounts seen in its cost data, with its name and business unit (OU).
-- Grain: one row per (tenant_id, account_id). Input views: fct_cost_daily, tenant_accounts.

with daily as (

    select * from fct_cost_daily

),

configured as (

    select * from tenant_accounts

),

seen as (

    select
        tenant_id,
        usage_account_id as account_id,
        max(payer_account_id) as payer_account_id,
        max(account_name) as seen_name,
        min(usage_date) as first_usage_date,
        max(usage_date) as last_usage_date,
        cast(sum(amortized_cost) as decimal(30, 10)) as amortized_cost_to_date

    from daily
    group by tenant_id, usage_account_id

),

accounts as (

    select
        :tenant_id as tenant_id,
        coalesce(seen.account_id, configured.account_id) as account_id,
        seen.payer_account_id,
        coalesce(configured.account_name, seen.seen_name, seen.account_id) as account_name,
        coalesce(configured.business_unit, 'Unallocated') as business_unit,
        configured.account_id is not null as in_config,
        seen.first_usage_date,
        seen.last_usage_date,
        coalesce(seen.amortized_cost_to_date, cast(0 as decimal(30, 10))) as amortized_cost_to_date

    from seen
    full outer join configured
        on seen.account_id = configured.account_id

)

select * from accounts
