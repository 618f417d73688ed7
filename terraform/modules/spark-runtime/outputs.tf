output "application_id" {
  description = "EMR Serverless application id (where the DAGs' Spark jobs run)."
  value       = aws_emrserverless_application.spark.id
}

output "job_role_arn" {
  description = "Execution role ARN of the job runs."
  value       = aws_iam_role.job.arn
}

output "application_arn" {
  description = "EMR Serverless application ARN."
  value       = aws_emrserverless_application.spark.arn
}
