# Managed Airflow (MWAA) for the DAGs of orchestration/dags: its DAG bucket (dags/ holds
# curlake_tenants.py and the config/ it reads), the execution role and the environment.

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

module "dag_bucket" {
  source                             = "../secure-bucket"
  name                               = var.dag_bucket_name
  noncurrent_version_expiration_days = 90
  tags                               = var.tags
}

locals {
  environment_arn = "arn:aws:airflow:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:environment/${var.name}"
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["airflow.amazonaws.com", "airflow-env.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "PublishMetrics"
    actions   = ["airflow:PublishMetrics"]
    resources = [local.environment_arn]
  }

  statement {
    sid       = "ReadDags"
    actions   = ["s3:GetObject*", "s3:GetBucket*", "s3:List*"]
    resources = [module.dag_bucket.arn, "${module.dag_bucket.arn}/*"]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:CreateLogGroup", "logs:PutLogEvents", "logs:GetLogEvents", "logs:GetLogRecord", "logs:GetLogGroupFields", "logs:GetQueryResults", "logs:DescribeLogGroups"]
    resources = ["arn:aws:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:airflow-${var.name}-*"]
  }

  statement {
    sid       = "CeleryQueue"
    actions   = ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:SendMessage"]
    resources = ["arn:aws:sqs:${data.aws_region.current.name}:*:airflow-celery-*"]
  }

  statement {
    sid       = "RunSparkJobs"
    actions   = ["emr-serverless:StartJobRun", "emr-serverless:GetJobRun", "emr-serverless:CancelJobRun", "emr-serverless:GetApplication"]
    resources = [var.spark_application_arn, "${var.spark_application_arn}/jobruns/*"]
  }

  statement {
    sid       = "PassSparkJobRole"
    actions   = ["iam:PassRole"]
    resources = [var.spark_job_role_arn]
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  description        = "MWAA environment ${var.name} of the CUR lakehouse"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "execution" {
  name   = "mwaa-execution"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_mwaa_environment" "this" {
  name                  = var.name
  airflow_version       = var.airflow_version
  environment_class     = var.environment_class
  execution_role_arn    = aws_iam_role.execution.arn
  source_bucket_arn     = module.dag_bucket.arn
  dag_s3_path           = "dags/"
  requirements_s3_path  = "requirements.txt"
  max_workers           = var.max_workers
  webserver_access_mode = "PRIVATE_ONLY"

  airflow_configuration_options = {
    "core.load_examples"               = "False"
    "scheduler.dag_dir_list_interval"  = "300"
    "core.dagbag_import_timeout"       = "30"
  }

  network_configuration {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  logging_configuration {
    task_logs {
      enabled   = true
      log_level = "INFO"
    }
    scheduler_logs {
      enabled   = true
      log_level = "WARNING"
    }
    dag_processing_logs {
      enabled   = true
      log_level = "WARNING"
    }
  }

  tags = var.tags
}
