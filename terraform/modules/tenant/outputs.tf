output "role_arn" {
  description = "ARN of the tenant role (own raw prefix and lake partitions only)."
  value       = aws_iam_role.tenant.arn
}

output "raw_prefix" {
  description = "Key prefix of the tenant's raw CUR deliveries in the raw bucket."
  value       = local.raw_prefix
}

output "lake_partition_pattern" {
  description = "Key pattern of the tenant's partitions in the lake bucket."
  value       = local.lake_partition
}

output "glue_database" {
  description = "Glue database of the tenant (cur_<tenant>)."
  value       = aws_glue_catalog_database.tenant.name
}
