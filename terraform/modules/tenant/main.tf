# One tenant's slice of the platform: its raw CUR prefix, its lake partitions, an IAM role that can
# reach only those, and a Glue database. The platform's jobs run with the Spark execution role (all
# tenants); this role is the tenant's own door: deliver or replicate its CUR into cur/<tenant>/ and
# read the Parquet files of its tenant_id=<tenant> partitions. (Curated tables are queried through
# the tenant's Trino schema of filtered views; Delta logs are shared across tenants and not granted.)

locals {
  raw_prefix     = "cur/${var.tenant_id}/"
  lake_partition = "${var.lake_prefix}/*/*/tenant_id=${var.tenant_id}/"
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = var.trusted_principal_arns
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
  }
}

data "aws_iam_policy_document" "tenant_access" {
  statement {
    sid       = "ListOwnRawPrefix"
    actions   = ["s3:ListBucket"]
    resources = [var.raw_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [local.raw_prefix, "${local.raw_prefix}*"]
    }
  }

  statement {
    sid       = "ReadWriteOwnRawObjects"
    actions   = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${var.raw_bucket_arn}/${local.raw_prefix}*"]
  }

  statement {
    sid       = "ListOwnLakePartitions"
    actions   = ["s3:ListBucket"]
    resources = [var.lake_bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.lake_partition}*"]
    }
  }

  statement {
    sid       = "ReadOwnLakePartitions"
    actions   = ["s3:GetObject"]
    resources = ["${var.lake_bucket_arn}/${local.lake_partition}*"]
  }
}

resource "aws_iam_role" "tenant" {
  name                 = "curlake-tenant-${var.tenant_id}"
  description          = "CUR lakehouse tenant ${var.tenant_id}: its raw CUR prefix and lake partitions only"
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  max_session_duration = 3600
  tags                 = merge(var.tags, { "curlake:tenant" = var.tenant_id })
}

resource "aws_iam_role_policy" "tenant_access" {
  name   = "own-prefixes-only"
  role   = aws_iam_role.tenant.id
  policy = data.aws_iam_policy_document.tenant_access.json
}

resource "aws_glue_catalog_database" "tenant" {
  name         = "cur_${var.tenant_id}"
  description  = "CUR lakehouse tables of tenant ${var.tenant_id}"
  location_uri = "s3://${var.lake_bucket_name}/${var.lake_prefix}"
  tags         = merge(var.tags, { "curlake:tenant" = var.tenant_id })
}
