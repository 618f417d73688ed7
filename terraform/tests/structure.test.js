'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadModule, problems } = require('./terraform-model');
const { TERRAFORM, brokenCopy } = require('./fixtures');

const EXAMPLE = path.join(TERRAFORM, 'environments', 'example');
const MODULES = fs.readdirSync(path.join(TERRAFORM, 'modules')).sort().map((name) => path.join(TERRAFORM, 'modules', name));

test('every module and the example composition are sound', async () => {
  assert.deepEqual(MODULES.map((dir) => path.basename(dir)), ['airflow', 'cur-export', 'secure-bucket', 'spark-runtime', 'tenant']);
  assert.deepEqual(await problems(EXAMPLE), []);
  for (const dir of MODULES) assert.deepEqual(await problems(dir), [], dir);
});

test('the example uses every module', async () => {
  const example = await loadModule(EXAMPLE);
  const used = new Set(Object.values(example.module).map((call) => path.basename(call.source)));
  const airflow = await loadModule(path.join(TERRAFORM, 'modules', 'airflow'));
  Object.values(airflow.module).forEach((call) => used.add(path.basename(call.source)));
  assert.deepEqual([...used].sort(), MODULES.map((dir) => path.basename(dir)));
});

test('buckets: private, encrypted, versioned, TLS only, noncurrent versions expire', async () => {
  const bucket = await loadModule(path.join(TERRAFORM, 'modules', 'secure-bucket'));
  const block = bucket.resource.aws_s3_bucket_public_access_block.this;
  for (const flag of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) {
    assert.equal(block[flag], true, flag);
  }
  assert.equal(bucket.resource.aws_s3_bucket_versioning.this.versioning_configuration[0].status, 'Enabled');
  const sse = bucket.resource.aws_s3_bucket_server_side_encryption_configuration.this.rule[0].apply_server_side_encryption_by_default[0];
  assert.match(sse.sse_algorithm, /AES256/);
  assert.match(sse.sse_algorithm, /aws:kms/);
  const tls = bucket.data.aws_iam_policy_document.tls_only.statement[0];
  assert.equal(tls.effect, 'Deny');
  assert.deepEqual(tls.condition[0], { test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] });
  const lifecycle = bucket.resource.aws_s3_bucket_lifecycle_configuration.this;
  assert.ok(lifecycle.rule[0].noncurrent_version_expiration, 'noncurrent versions expire');
});

test('raw CUR bucket: tiered to IA and Glacier, billing services may deliver', async () => {
  const example = await loadModule(EXAMPLE);
  const raw = example.module.raw_bucket;
  assert.ok(raw.transition_to_ia_days >= 30 && raw.transition_to_glacier_days > raw.transition_to_ia_days);
  const delivery = example.data.aws_iam_policy_document.cur_delivery.statement[0];
  assert.deepEqual(delivery.principals[0].identifiers.sort(), ['bcm-data-exports.amazonaws.com', 'billingreports.amazonaws.com']);
  assert.ok(delivery.condition.some((c) => c.variable === 'aws:SourceAccount'), 'confused-deputy condition');
});

test('data exports: CUR 2.0 and FOCUS 1.0 as Parquet', async () => {
  const exports = (await loadModule(path.join(TERRAFORM, 'modules', 'cur-export'))).resource.aws_bcmdataexports_export;
  const query = (name) => exports[name].export[0].data_query[0].query_statement;
  assert.match(query('cur2'), /FROM COST_AND_USAGE_REPORT$/);
  assert.match(query('focus'), /FROM FOCUS_1_0_AWS$/);
  assert.ok(exports.cur2.export[0].data_query[0].table_configurations, 'CUR 2.0 table configuration');
  for (const name of ['cur2', 'focus']) {
    const output = exports[name].export[0].destination_configurations[0].s3_destination[0].s3_output_configurations[0];
    assert.deepEqual([output.format, output.compression], ['PARQUET', 'PARQUET']);
  }
});

test('runtimes: EMR Serverless Spark on emr-7, MWAA optional', async () => {
  const spark = await loadModule(path.join(TERRAFORM, 'modules', 'spark-runtime'));
  assert.equal(spark.resource.aws_emrserverless_application.spark.type, 'spark');
  assert.match(spark.variable.release_label.default, /^emr-7\./);
  const example = await loadModule(EXAMPLE);
  assert.equal(example.module.airflow.count, '${var.enable_mwaa ? 1 : 0}');
  const tenant = await loadModule(path.join(TERRAFORM, 'modules', 'tenant'));
  assert.equal(tenant.resource.aws_glue_catalog_database.tenant.name, 'cur_${var.tenant_id}');
});

test('checks reject an undeclared variable', async () => {
  const root = brokenCopy('modules/tenant/main.tf', 'name         = "cur_${var.tenant_id}"', 'name         = "cur_${var.tenant_name}"');
  assert.deepEqual((await problems(path.join(root, 'modules', 'tenant'))).map((p) => p.replace(/^.*?: /, '')),
    ['resource aws_glue_catalog_database.tenant: var.tenant_name is not declared']);
});

test('checks reject an undeclared module input, a missing required input and a missing source', async () => {
  let root = brokenCopy('environments/example/main.tf', 'release_label        = var.emr_release_label',
    'release_label        = var.emr_release_label\n  colour               = "red"');
  assert.ok((await problems(path.join(root, 'environments', 'example'))).some((p) => p.endsWith(`module "spark" passes 'colour', which ../../modules/spark-runtime does not declare`)));
  root = brokenCopy('environments/example/main.tf', '  raw_bucket_arn       = module.raw_bucket.arn\n', '');
  assert.ok((await problems(path.join(root, 'environments', 'example'))).some((p) => p.endsWith(`module "spark" does not pass required variable 'raw_bucket_arn' of ../../modules/spark-runtime`)));
  root = brokenCopy('environments/example/main.tf', '"../../modules/spark-runtime"', '"../../modules/spark"');
  assert.ok((await problems(path.join(root, 'environments', 'example'))).some((p) => p.includes(`module "spark" source '../../modules/spark' is not a local module directory`)));
});

test('checks reject outputs that reference nothing', async () => {
  let root = brokenCopy('modules/spark-runtime/outputs.tf', 'aws_iam_role.job.arn', 'aws_iam_role.runner.arn');
  assert.ok((await problems(path.join(root, 'modules', 'spark-runtime'))).some((p) => p.endsWith('output "job_role_arn": aws_iam_role.runner is not declared')));
  root = brokenCopy('environments/example/outputs.tf', 'module.spark.application_id', 'module.spark.application_name');
  assert.ok((await problems(path.join(root, 'environments', 'example'))).some((p) => p.includes(`has no output 'application_name'`)));
});

test('unparseable HCL fails with the file named', async () => {
  const root = brokenCopy('modules/tenant/outputs.tf', 'output "role_arn" {', 'output "role_arn" {{');
  await assert.rejects(problems(path.join(root, 'modules', 'tenant')), /outputs\.tf/);
});

test('terraform.tfvars.example sets declared variables, every required one, and configured tenants', async () => {
  const example = await loadModule(EXAMPLE);
  const { parse } = require('@cdktf/hcl2json');
  const values = await parse('terraform.tfvars', fs.readFileSync(path.join(EXAMPLE, 'terraform.tfvars.example'), 'utf8'));
  assert.deepEqual(Object.keys(values).filter((name) => !(name in example.variable)), []);
  assert.deepEqual(Object.entries(example.variable).filter(([name, v]) => !('default' in v) && !(name in values)).map(([name]) => name), []);
  const type = example.variable.tenants.type;
  const attributes = [...type.matchAll(/(\w+)\s*=\s*(optional\()?/g)];
  const required = attributes.filter((m) => !m[2]).map((m) => m[1]);
  const configured = fs.readdirSync(path.join(TERRAFORM, '..', 'config', 'tenants'))
    .map((file) => fs.readFileSync(path.join(TERRAFORM, '..', 'config', 'tenants', file), 'utf8').match(/^tenant_id:\s*(\S+)/m)[1]);
  for (const [tenant, settings] of Object.entries(values.tenants)) {
    assert.ok(configured.includes(tenant), `${tenant} is not in config/tenants (${configured})`);
    assert.deepEqual(Object.keys(settings).filter((key) => !attributes.some((m) => m[1] === key)), [], tenant);
    assert.deepEqual(required.filter((key) => !(key in settings)), [], tenant);
  }
});
