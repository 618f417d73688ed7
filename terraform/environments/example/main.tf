# Example composition of the CUR lakehouse on AWS: raw CUR and lake buckets, one CUR 2.0 / FOCUS
# export and one tenant slice per tenant, the EMR Serverless Spark runtime and, optionally, MWAA.
# The platform account is the payer here (Data Exports deliver to a bucket of the exporting account).

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  lake_root  = "s3a://${var.lake_bucket_name}/${var.lake_prefix}"
}

# The billing services may write CUR deliveries, and only for exports of this account.
data "aws_iam_policy_document" "cur_delivery" {
  statement {
    sid       = "AllowBillingExportsToDeliver"
    actions   = ["s3:PutObject", "s3:GetBucketPolicy", "s3:GetBucketAcl"]
    resources = ["arn:aws:s3:::${var.raw_bucket_name}", "arn:aws:s3:::${var.raw_bucket_name}/cur/*"]
    principals {
      type        = "Service"
      identifiers = ["billingreports.amazonaws.com", "bcm-data-exports.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values = [
        "arn:aws:cur:us-east-1:${local.account_id}:definition/*",
        "arn:aws:bcm-data-exports:us-east-1:${local.account_id}:export/*",
      ]
    }
  }
}

module "raw_bucket" {
  source                             = "../../modules/secure-bucket"
  name                               = var.raw_bucket_name
  kms_key_arn                        = var.kms_key_arn
  noncurrent_version_expiration_days = 30
  transition_prefix                  = "cur/"
  transition_to_ia_days              = 90
  transition_to_glacier_days         = 365
  extra_policy_documents             = [data.aws_iam_policy_document.cur_delivery.json]
}

module "lake_bucket" {
  source                             = "../../modules/secure-bucket"
  name                               = var.lake_bucket_name
  kms_key_arn                        = var.kms_key_arn
  noncurrent_version_expiration_days = var.lake_noncurrent_version_expiration_days
}

module "artifacts_bucket" {
  source                             = "../../modules/secure-bucket"
  name                               = var.artifacts_bucket_name
  kms_key_arn                        = var.kms_key_arn
  noncurrent_version_expiration_days = 90
}

module "cur_export" {
  source             = "../../modules/cur-export"
  for_each           = var.tenants
  tenant_id          = each.key
  payer_account_id   = each.value.payer_account_id
  export_name_prefix = "curlake-${each.key}"
  bucket_name        = module.raw_bucket.id
  bucket_region      = module.raw_bucket.region
  s3_prefix          = trimsuffix(module.tenant[each.key].raw_prefix, "/")
  time_granularity   = each.value.time_granularity
  include_focus      = each.value.include_focus
}

module "tenant" {
  source                 = "../../modules/tenant"
  for_each               = var.tenants
  tenant_id              = each.key
  raw_bucket_arn         = module.raw_bucket.arn
  lake_bucket_arn        = module.lake_bucket.arn
  lake_bucket_name       = module.lake_bucket.id
  lake_prefix            = var.lake_prefix
  trusted_principal_arns = each.value.trusted_principal_arns
  external_id            = each.value.external_id
}

module "spark" {
  source               = "../../modules/spark-runtime"
  name                 = "${var.name_prefix}-spark"
  release_label        = var.emr_release_label
  raw_bucket_arn       = module.raw_bucket.arn
  lake_bucket_arn      = module.lake_bucket.arn
  lake_prefix          = var.lake_prefix
  artifacts_bucket_arn = module.artifacts_bucket.arn
  subnet_ids           = var.spark_subnet_ids
  security_group_ids   = var.spark_security_group_ids
}

module "airflow" {
  source                = "../../modules/airflow"
  count                 = var.enable_mwaa ? 1 : 0
  name                  = "${var.name_prefix}-airflow"
  dag_bucket_name       = var.mwaa_dag_bucket_name
  subnet_ids            = var.mwaa_subnet_ids
  security_group_ids    = var.mwaa_security_group_ids
  spark_application_arn = module.spark.application_arn
  spark_job_role_arn    = module.spark.job_role_arn
}
