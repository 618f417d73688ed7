-- focus_costs: the tenant's costs as FOCUS 1.0 columns (FinOps Open Cost and Usage
-- Specification), one row per CUR line item, so FOCUS tools and queries work on any tenant.
-- AWS-specific detail a FOCUS consumer may still need is kept in x_ columns.
-- Grain: one row per line item of the billing period. Input view: int_line_items_costed.

with line_items as (

    select * from int_line_items_costed

),

focus as (

    select
        tenant_id,
        billing_period,

        -- cost
        cast(coalesce(unblended_cost, 0) as decimal(30, 10)) as BilledCost,
        cast(coalesce(amortized_cost, 0) as decimal(30, 10)) as EffectiveCost,
        cast(coalesce(public_on_demand_cost, unblended_cost, 0) as decimal(30, 10)) as ListCost,
        cast(coalesce(amortized_cost, 0) as decimal(30, 10)) as ContractedCost,
        coalesce(currency_code, 'USD') as BillingCurrency,

        -- charge
        charge_category as ChargeCategory,
        cast(null as string) as ChargeClass,
        charge_description as ChargeDescription,
        case
            when line_item_type in ('RIFee', 'SavingsPlanRecurringFee', 'Tax') then 'Recurring'
            when charge_category in ('Purchase', 'Credit', 'Adjustment') then 'One-Time'
            else 'Usage-Based'
        end as ChargeFrequency,
        usage_start as ChargePeriodStart,
        usage_end as ChargePeriodEnd,
        billing_period_start as BillingPeriodStart,
        billing_period_end as BillingPeriodEnd,

        -- pricing and commitments
        case purchase_option
            when 'On-Demand' then 'Standard'
            when 'Reserved' then 'Committed'
            when 'Savings Plan' then 'Committed'
            when 'Spot' then 'Dynamic'
            else 'Other'
        end as PricingCategory,
        usage_amount as PricingQuantity,
        pricing_unit as PricingUnit,
        usage_amount as ConsumedQuantity,
        pricing_unit as ConsumedUnit,
        case
            when coalesce(reservation_arn, '') <> '' then reservation_arn
            when coalesce(savings_plan_arn, '') <> '' then savings_plan_arn
        end as CommitmentDiscountId,
        case
            when coalesce(reservation_arn, '') <> '' then 'Reserved Instance'
            when coalesce(savings_plan_arn, '') <> '' then 'Savings Plan'
        end as CommitmentDiscountType,
        case
            when coalesce(reservation_arn, '') <> '' then 'Usage'
            when coalesce(savings_plan_arn, '') <> '' then 'Spend'
        end as CommitmentDiscountCategory,
        case
            when line_item_type in ('DiscountedUsage', 'SavingsPlanCoveredUsage') then 'Used'
            when line_item_type in ('RIFee', 'SavingsPlanRecurringFee') then 'Unused'
        end as CommitmentDiscountStatus,

        -- who and where
        'AWS' as ProviderName,
        'AWS' as PublisherName,
        'AWS' as InvoiceIssuerName,
        payer_account_id as BillingAccountId,
        coalesce(payer_account_name, payer_account_id) as BillingAccountName,
        usage_account_id as SubAccountId,
        account_name as SubAccountName,
        service_name as ServiceName,
        case
            when product_code in ('AmazonEC2', 'AWSLambda', 'AmazonECS', 'AmazonEKS', 'AWSBatch', 'AmazonLightsail') then 'Compute'
            when product_code in ('AmazonS3', 'AmazonEFS', 'AmazonFSx', 'AWSBackup', 'AmazonGlacier') then 'Storage'
            when product_code in ('AmazonRDS', 'AmazonDynamoDB', 'AmazonElastiCache', 'AmazonRedshift', 'AmazonDocDB') then 'Databases'
            when product_code in ('AmazonVPC', 'AWSELB', 'AmazonCloudFront', 'AWSDataTransfer', 'AmazonRoute53') then 'Networking'
            when product_code in ('AmazonCloudWatch', 'AWSConfig', 'AWSCloudTrail', 'AWSSystemsManager') then 'Management and Governance'
            when product_code in ('AmazonAthena', 'AWSGlue', 'AmazonKinesis', 'AmazonQuickSight') then 'Analytics'
            else 'Other'
        end as ServiceCategory,
        region_code as RegionId,
        region_code as RegionName,
        availability_zone as AvailabilityZone,
        resource_id as ResourceId,
        sku_id as SkuId,
        resource_tags as Tags,

        -- AWS detail
        product_code as x_ServiceCode,
        usage_type as x_UsageType,
        operation as x_Operation,
        line_item_type as x_LineItemType

    from line_items

)

select * from focus
