variable "name" {
  description = "Globally unique bucket name."
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.name))
    error_message = "Bucket names are 3-63 lowercase letters, digits, dots and hyphens."
  }
}

variable "kms_key_arn" {
  description = "KMS key for SSE-KMS; null uses SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which overwritten or deleted object versions are removed."
  type        = number
  default     = 30
  validation {
    condition     = var.noncurrent_version_expiration_days >= 1
    error_message = "Keep noncurrent versions at least one day."
  }
}

variable "transition_prefix" {
  description = "Key prefix whose current versions move to cheaper storage (empty: the whole bucket)."
  type        = string
  default     = ""
}

variable "transition_to_ia_days" {
  description = "Days after which current versions under transition_prefix move to STANDARD_IA; null keeps them in STANDARD."
  type        = number
  default     = null
  validation {
    condition     = var.transition_to_ia_days == null ? true : var.transition_to_ia_days >= 30
    error_message = "S3 moves objects to STANDARD_IA after 30 days at the earliest."
  }
}

variable "transition_to_glacier_days" {
  description = "Days after which current versions under transition_prefix move to GLACIER_IR; null never (needs transition_to_ia_days)."
  type        = number
  default     = null
}

variable "extra_policy_documents" {
  description = "Further bucket policy documents (JSON) merged with the TLS-only statement, e.g. service principals allowed to write."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags of the bucket."
  type        = map(string)
  default     = {}
}
