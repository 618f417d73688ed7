output "cur2_export_arn" {
  description = "ARN of the CUR 2.0 export."
  value       = aws_bcmdataexports_export.cur2.id
}

output "cur2_source_path" {
  description = "The tenant's source.path for CUR 2.0 (format: cur2) in config/tenants/<tenant>.yaml."
  value       = "s3a://${var.bucket_name}/${var.s3_prefix}/${local.cur2_name}/data"
}

output "focus_source_path" {
  description = "The tenant's source.path for FOCUS 1.0 (format: focus), or null without the FOCUS export."
  value       = var.include_focus ? "s3a://${var.bucket_name}/${var.s3_prefix}/${aws_bcmdataexports_export.focus[0].export[0].name}/data" : null
}
