-- int_line_items_costed: every staged line item with its three costs, how it was bought, its
-- FOCUS charge category, and the account's name and business unit from the tenant's config.
--
-- Amortized (effective) cost follows the CUR rules of AWS's CUDOS summary view, which FOCUS
-- EffectiveCost also follows:
--   SavingsPlanCoveredUsage  -> the savings plan effective cost of the covered usage
--   SavingsPlanRecurringFee  -> only the UNUSED commitment (the used part is already in the
--                               covered usage above, so it must not be counted twice)
--   SavingsPlanNegation, SavingsPlanUpfrontFee -> 0 (negation cancels on-demand; upfront is amortized)
--   DiscountedUsage          -> the reservation effective cost of the covered usage
--   RIFee                    -> only the UNUSED amortized upfront fee plus unused recurring fee
--   Fee of a reservation     -> 0 (the RI upfront payment, amortized through DiscountedUsage)
--   anything else            -> unblended cost
-- Net cost applies the same rules to the net_* columns (after discounts); it is null where the
-- export has no net columns. FOCUS exports state EffectiveCost themselves: it is used as is.
-- Input views: stg_cur_line_items, tenant_accounts (account_id, account_name, business_unit).

with line_items as (

    select * from stg_cur_line_items

),

accounts as (

    select * from tenant_accounts

),

costed as (

    select
        line_items.*,

        case
            when export_effective_cost is not null then export_effective_cost
            when line_item_type = 'SavingsPlanCoveredUsage' then savings_plan_effective_cost
            when line_item_type = 'SavingsPlanRecurringFee'
                then savings_plan_total_commitment_to_date - savings_plan_used_commitment
            when line_item_type in ('SavingsPlanNegation', 'SavingsPlanUpfrontFee') then 0
            when line_item_type = 'DiscountedUsage' then reservation_effective_cost
            when line_item_type = 'RIFee'
                then coalesce(reservation_unused_amortized_upfront_fee, 0) + coalesce(reservation_unused_recurring_fee, 0)
            when line_item_type = 'Fee' and coalesce(reservation_arn, '') <> '' then 0
            else unblended_cost
        end as amortized_cost,

        case
            when net_unblended_cost is null then null
            when line_item_type = 'SavingsPlanCoveredUsage' then savings_plan_net_effective_cost
            when line_item_type = 'SavingsPlanRecurringFee'
                then (savings_plan_total_commitment_to_date - savings_plan_used_commitment)
                    * coalesce(
                        (coalesce(savings_plan_net_recurring_commitment, 0) + coalesce(savings_plan_net_amortized_upfront_commitment, 0))
                        / nullif(coalesce(savings_plan_recurring_commitment, 0) + coalesce(savings_plan_amortized_upfront_commitment, 0), 0),
                        1)
            when line_item_type in ('SavingsPlanNegation', 'SavingsPlanUpfrontFee') then 0
            when line_item_type = 'DiscountedUsage' then reservation_net_effective_cost
            when line_item_type = 'RIFee'
                then coalesce(reservation_net_unused_amortized_upfront_fee, reservation_unused_amortized_upfront_fee, 0)
                    + coalesce(reservation_net_unused_recurring_fee, reservation_unused_recurring_fee, 0)
            when line_item_type = 'Fee' and coalesce(reservation_arn, '') <> '' then 0
            else net_unblended_cost
        end as net_amortized_cost,

        case
            when line_item_type in ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage') then 'Usage'
            when line_item_type in ('RIFee', 'Fee', 'SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee') then 'Purchase'
            when line_item_type = 'Tax' then 'Tax'
            when line_item_type in ('Credit', 'Refund', 'SavingsPlanNegation', 'EdpDiscount', 'BundledDiscount',
                                    'PrivateRateDiscount', 'RiVolumeDiscount', 'DistributorDiscount') then 'Credit'
            else 'Adjustment'
        end as charge_category,

        case
            when line_item_type in ('DiscountedUsage', 'RIFee') or coalesce(reservation_arn, '') <> '' then 'Reserved'
            when line_item_type like 'SavingsPlan%' or coalesce(savings_plan_arn, '') <> '' then 'Savings Plan'
            when usage_type like '%SpotUsage%' then 'Spot'
            when line_item_type = 'Usage' then 'On-Demand'
            else 'Other'
        end as purchase_option,

        coalesce(nullif(product_name, ''), product_code) as service_name,
        coalesce(nullif(region, ''), 'global') as region_code

    from line_items

),

allocated as (

    select
        costed.*,
        coalesce(accounts.account_name, nullif(costed.usage_account_name, ''), costed.usage_account_id) as account_name,
        coalesce(accounts.business_unit, 'Unallocated') as business_unit

    from costed
    left join accounts
        on costed.usage_account_id = accounts.account_id

)

select * from allocated
