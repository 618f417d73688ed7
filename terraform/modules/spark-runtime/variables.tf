variable "name" {
  description = "Name of the EMR Serverless application (and prefix of its role)."
  type        = string
  default     = "curlake-spark"
}

variable "release_label" {
  description = "EMR release (Spark 3.5 with Java 17 needs emr-7.x)."
  type        = string
  default     = "emr-7.5.0"
  validation {
    condition     = can(regex("^emr-7\\.[0-9]+\\.[0-9]+$", var.release_label))
    error_message = "Use an emr-7.x release (Spark 3.5, Java 17)."
  }
}

variable "max_vcpu" {
  description = "Maximum vCPU of the application across its job runs, e.g. \"64 vCPU\"."
  type        = string
  default     = "64 vCPU"
}

variable "max_memory" {
  description = "Maximum memory of the application across its job runs, e.g. \"256 GB\"."
  type        = string
  default     = "256 GB"
}

variable "idle_timeout_minutes" {
  description = "Minutes of idleness after which the application stops."
  type        = number
  default     = 15
  validation {
    condition     = var.idle_timeout_minutes >= 1 && var.idle_timeout_minutes <= 10080
    error_message = "idle_timeout_minutes is between 1 and 10080."
  }
}

variable "subnet_ids" {
  description = "Private subnets for the job runs (empty: no VPC access)."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups of the job runs (with subnet_ids)."
  type        = list(string)
  default     = []
}

variable "raw_bucket_arn" {
  description = "ARN of the raw CUR bucket (read)."
  type        = string
}

variable "lake_bucket_arn" {
  description = "ARN of the lake bucket (read and write under lake_prefix)."
  type        = string
}

variable "lake_prefix" {
  description = "Key prefix of the lake root inside the lake bucket."
  type        = string
  default     = "lake"
}

variable "artifacts_bucket_arn" {
  description = "ARN of the bucket holding the jobs' shaded jar and config (read)."
  type        = string
}

variable "tags" {
  description = "Tags of the application and role."
  type        = map(string)
  default     = {}
}
