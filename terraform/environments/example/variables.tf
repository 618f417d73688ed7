variable "region" {
  description = "AWS region of the platform."
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix of the platform's resource names."
  type        = string
  default     = "curlake"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name_prefix))
    error_message = "name_prefix is 2-21 lowercase letters, digits and hyphens."
  }
}

variable "raw_bucket_name" {
  description = "Bucket of the raw CUR deliveries (cur/<tenant>/...)."
  type        = string
}

variable "lake_bucket_name" {
  description = "Bucket of the lake (Delta tables under lake_prefix)."
  type        = string
}

variable "artifacts_bucket_name" {
  description = "Bucket of the jobs' shaded jar and config."
  type        = string
}

variable "lake_prefix" {
  description = "Key prefix of the lake root: the jobs run with --lake s3a://<lake bucket>/<lake_prefix>."
  type        = string
  default     = "lake"
}

variable "lake_noncurrent_version_expiration_days" {
  description = "Days the lake keeps overwritten object versions (Delta time travel needs the files too)."
  type        = number
  default     = 14
}

variable "kms_key_arn" {
  description = "KMS key for the buckets (SSE-KMS); null uses SSE-S3."
  type        = string
  default     = null
}

variable "tenants" {
  description = "Tenants by id (as in config/tenants): payer account, who may assume the tenant role, export settings."
  type = map(object({
    payer_account_id       = string
    trusted_principal_arns = list(string)
    external_id            = string
    time_granularity       = optional(string, "HOURLY")
    include_focus          = optional(bool, true)
  }))
  validation {
    condition     = alltrue([for id in keys(var.tenants) : can(regex("^[a-z][a-z0-9_]{0,62}$", id))])
    error_message = "Tenant ids are lowercase letters, digits and underscores, starting with a letter."
  }
}

variable "emr_release_label" {
  description = "EMR Serverless release (emr-7.x: Spark 3.5 on Java 17)."
  type        = string
  default     = "emr-7.5.0"
}

variable "spark_subnet_ids" {
  description = "Private subnets of the Spark job runs (empty: no VPC access)."
  type        = list(string)
  default     = []
}

variable "spark_security_group_ids" {
  description = "Security groups of the Spark job runs."
  type        = list(string)
  default     = []
}

variable "enable_mwaa" {
  description = "Create a managed Airflow (MWAA) environment for orchestration/dags."
  type        = bool
  default     = false
}

variable "mwaa_dag_bucket_name" {
  description = "Bucket of the MWAA DAGs (with enable_mwaa)."
  type        = string
  default     = null
}

variable "mwaa_subnet_ids" {
  description = "Two private subnets of MWAA (with enable_mwaa)."
  type        = list(string)
  default     = []
}

variable "mwaa_security_group_ids" {
  description = "Security groups of MWAA (with enable_mwaa)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags of every resource (provider default_tags)."
  type        = map(string)
  default     = { project = "curlake" }
}
