output "raw_bucket" {
  description = "Bucket of the raw CUR deliveries."
  value       = module.raw_bucket.id
}

output "lake_root" {
  description = "The jobs' --lake (CURLAKE_LAKE of the DAGs)."
  value       = local.lake_root
}

output "tenant_source_paths" {
  description = "Per tenant, source.path for config/tenants/<tenant>.yaml (CUR 2.0 export, format: cur2)."
  value       = { for id, export in module.cur_export : id => export.cur2_source_path }
}

output "tenant_role_arns" {
  description = "Per tenant, the role limited to its own prefixes."
  value       = { for id, tenant in module.tenant : id => tenant.role_arn }
}

output "tenant_glue_databases" {
  description = "Per tenant, its Glue database."
  value       = { for id, tenant in module.tenant : id => tenant.glue_database }
}

output "spark_application_id" {
  description = "EMR Serverless application of the jobs."
  value       = module.spark.application_id
}

output "spark_job_role_arn" {
  description = "Execution role of the Spark job runs."
  value       = module.spark.job_role_arn
}

output "airflow_webserver_url" {
  description = "MWAA UI URL, or null without enable_mwaa."
  value       = var.enable_mwaa ? module.airflow[0].webserver_url : null
}
