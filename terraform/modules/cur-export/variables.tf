variable "tenant_id" {
  description = "Tenant the payer's costs belong to (as in config/tenants/<tenant>.yaml)."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.tenant_id))
    error_message = "Tenant ids are lowercase letters, digits and underscores, starting with a letter."
  }
}

variable "payer_account_id" {
  description = "The payer (management) account whose costs are exported."
  type        = string
  validation {
    condition     = can(regex("^[0-9]{12}$", var.payer_account_id))
    error_message = "An AWS account id is 12 digits."
  }
}

variable "export_name_prefix" {
  description = "Prefix of the export names (<prefix>-cur2, <prefix>-focus)."
  type        = string
}

variable "bucket_name" {
  description = "Raw CUR bucket the exports are delivered to."
  type        = string
}

variable "bucket_region" {
  description = "Region of the raw CUR bucket."
  type        = string
}

variable "s3_prefix" {
  description = "Key prefix of the deliveries, the tenant's raw prefix without trailing slash (cur/<tenant>)."
  type        = string
}

variable "time_granularity" {
  description = "CUR 2.0 line item granularity: HOURLY, DAILY or MONTHLY."
  type        = string
  default     = "HOURLY"
  validation {
    condition     = contains(["HOURLY", "DAILY", "MONTHLY"], var.time_granularity)
    error_message = "time_granularity is HOURLY, DAILY or MONTHLY."
  }
}

variable "include_focus" {
  description = "Also export FOCUS 1.0 (FOCUS_1_0_AWS) beside CUR 2.0."
  type        = bool
  default     = true
}

variable "focus_columns" {
  description = "FOCUS 1.0 columns exported (the ones the jobs' FOCUS mapping reads)."
  type        = list(string)
  default = [
    "BilledCost", "EffectiveCost", "ListCost", "ContractedCost", "BillingCurrency", "BillingAccountId",
    "BillingAccountName", "BillingPeriodStart", "BillingPeriodEnd", "ChargeCategory", "ChargeClass",
    "ChargeDescription", "ChargeFrequency", "ChargePeriodStart", "ChargePeriodEnd", "CommitmentDiscountId",
    "CommitmentDiscountType", "CommitmentDiscountCategory", "CommitmentDiscountStatus", "ConsumedQuantity",
    "ConsumedUnit", "PricingCategory", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
    "InvoiceIssuerName", "RegionId", "RegionName", "AvailabilityZone", "ResourceId", "ServiceName",
    "ServiceCategory", "SkuId", "SubAccountId", "SubAccountName", "Tags",
  ]
}

variable "tags" {
  description = "Tags of the exports."
  type        = map(string)
  default     = {}
}
