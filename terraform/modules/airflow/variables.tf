variable "name" {
  description = "Name of the MWAA environment."
  type        = string
  default     = "curlake-airflow"
}

variable "airflow_version" {
  description = "Airflow version of the environment (the DAGs use the Airflow 2 API)."
  type        = string
  default     = "2.10.3"
  validation {
    condition     = can(regex("^2\\.[0-9]+\\.[0-9]+$", var.airflow_version))
    error_message = "The DAGs are written for Airflow 2.x."
  }
}

variable "environment_class" {
  description = "MWAA environment class."
  type        = string
  default     = "mw1.small"
  validation {
    condition     = contains(["mw1.micro", "mw1.small", "mw1.medium", "mw1.large", "mw1.xlarge", "mw1.2xlarge"], var.environment_class)
    error_message = "Unknown MWAA environment class."
  }
}

variable "max_workers" {
  description = "Maximum Airflow workers."
  type        = number
  default     = 2
}

variable "dag_bucket_name" {
  description = "Name of the bucket holding dags/ and requirements.txt."
  type        = string
}

variable "subnet_ids" {
  description = "Two private subnets in different availability zones."
  type        = list(string)
  validation {
    condition     = length(var.subnet_ids) == 2
    error_message = "MWAA needs exactly two private subnets."
  }
}

variable "security_group_ids" {
  description = "Security groups of the environment."
  type        = list(string)
}

variable "spark_application_arn" {
  description = "ARN of the EMR Serverless application the DAGs submit to."
  type        = string
}

variable "spark_job_role_arn" {
  description = "Execution role of the Spark job runs (passed by the DAGs)."
  type        = string
}

variable "tags" {
  description = "Tags of the environment, role and bucket."
  type        = map(string)
  default     = {}
}
