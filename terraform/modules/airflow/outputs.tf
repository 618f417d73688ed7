output "webserver_url" {
  description = "Airflow UI URL (private)."
  value       = aws_mwaa_environment.this.webserver_url
}

output "dag_bucket" {
  description = "Bucket to upload orchestration/dags and config/ to (under dags/)."
  value       = module.dag_bucket.id
}

output "execution_role_arn" {
  description = "Execution role of the environment."
  value       = aws_iam_role.execution.arn
}
