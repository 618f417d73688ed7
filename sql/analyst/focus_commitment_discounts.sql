-- focus_commitment_discounts: how are Reserved Instances and Savings Plans used, in FOCUS terms?
-- Per billing period, CommitmentDiscountType and CommitmentDiscountStatus (Used: covered usage;
-- Unused: the fee for commitment nobody used): EffectiveCost, BilledCost, and for used commitments
-- the ListCost they replaced, so ListCost - EffectiveCost is the saving.
-- Runs in a tenant schema (Trino: delta.cur_<tenant>; the same text runs on Spark over the tenant's tables).
-- Parameters: none (every curated period of the tenant).
-- Columns: billing_period, CommitmentDiscountType, CommitmentDiscountStatus, EffectiveCost, BilledCost,
--          ListCost, savings, line_items.

with focus as (

    select * from focus_costs

),

commitments as (

    select
        billing_period,
        CommitmentDiscountType,
        coalesce(CommitmentDiscountStatus, 'Fee') as CommitmentDiscountStatus,
        cast(sum(EffectiveCost) as decimal(30, 10)) as EffectiveCost,
        cast(sum(BilledCost) as decimal(30, 10)) as BilledCost,
        cast(sum(ListCost) as decimal(30, 10)) as ListCost,
        count(*) as line_items

    from focus
    where CommitmentDiscountType is not null
    group by billing_period, CommitmentDiscountType, coalesce(CommitmentDiscountStatus, 'Fee')

),

savings as (

    select
        billing_period,
        CommitmentDiscountType,
        CommitmentDiscountStatus,
        EffectiveCost,
        BilledCost,
        ListCost,
        ListCost - EffectiveCost as savings,
        line_items

    from commitments

)

select * from savings
order by billing_period, CommitmentDiscountType, CommitmentDiscountStatus
