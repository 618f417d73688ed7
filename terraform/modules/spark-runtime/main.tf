# The Spark runtime of the jobs: an EMR Serverless application (Spark) and the role its job runs
# assume. The role reads every tenant's raw CUR and writes the whole lake (the jobs replace one
# (tenant, period) partition at a time and maintain the shared Delta logs).

resource "aws_emrserverless_application" "spark" {
  name          = var.name
  release_label = var.release_label
  type          = "spark"

  maximum_capacity {
    cpu    = var.max_vcpu
    memory = var.max_memory
  }

  auto_start_configuration {
    enabled = true
  }

  auto_stop_configuration {
    enabled              = true
    idle_timeout_minutes = var.idle_timeout_minutes
  }

  dynamic "network_configuration" {
    for_each = length(var.subnet_ids) == 0 ? [] : [1]
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  tags = var.tags
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["emr-serverless.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "job" {
  statement {
    sid       = "ListBuckets"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [var.raw_bucket_arn, var.lake_bucket_arn, var.artifacts_bucket_arn]
  }

  statement {
    sid       = "ReadRawCurAndArtifacts"
    actions   = ["s3:GetObject"]
    resources = ["${var.raw_bucket_arn}/cur/*", "${var.artifacts_bucket_arn}/*"]
  }

  statement {
    sid       = "ReadWriteLake"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${var.lake_bucket_arn}/${var.lake_prefix}/*"]
  }

  statement {
    sid       = "GlueCatalog"
    actions   = ["glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:CreateTable", "glue:UpdateTable", "glue:GetPartitions"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "job" {
  name               = "${var.name}-job"
  description        = "EMR Serverless job runs of the CUR lakehouse jobs"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "job" {
  name   = "lake-access"
  role   = aws_iam_role.job.id
  policy = data.aws_iam_policy_document.job.json
}
