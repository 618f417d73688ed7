variable "tenant_id" {
  description = "Tenant id as in config/tenants/<tenant>.yaml (used in prefixes, partitions and names)."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.tenant_id))
    error_message = "Tenant ids are lowercase letters, digits and underscores, starting with a letter."
  }
}

variable "raw_bucket_arn" {
  description = "ARN of the raw CUR bucket (deliveries under cur/<tenant>/)."
  type        = string
}

variable "lake_bucket_arn" {
  description = "ARN of the lake bucket."
  type        = string
}

variable "lake_bucket_name" {
  description = "Name of the lake bucket (the Glue database location)."
  type        = string
}

variable "lake_prefix" {
  description = "Key prefix of the lake root inside the lake bucket, without slashes at either end (tables at <prefix>/<layer>/<table>/tenant_id=<tenant>/)."
  type        = string
  default     = "lake"
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]*$", var.lake_prefix))
    error_message = "lake_prefix is one path segment of lowercase letters, digits, '_' and '-'."
  }
}

variable "trusted_principal_arns" {
  description = "IAM principals (the tenant's roles or accounts) allowed to assume the tenant role."
  type        = list(string)
  validation {
    condition     = length(var.trusted_principal_arns) > 0 && alltrue([for arn in var.trusted_principal_arns : can(regex("^arn:aws:iam::[0-9]{12}:", arn))])
    error_message = "Give at least one IAM principal ARN (arn:aws:iam::<account>:...)."
  }
}

variable "external_id" {
  description = "External id the tenant must present when assuming the role (confused-deputy protection)."
  type        = string
  sensitive   = true
  validation {
    condition     = length(var.external_id) >= 16
    error_message = "Use an external id of at least 16 characters."
  }
}

variable "tags" {
  description = "Tags of the tenant's resources."
  type        = map(string)
  default     = {}
}
