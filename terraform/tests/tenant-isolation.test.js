'use strict';
// Each tenant role's policy, evaluated for several tenants: it reaches its own raw prefix and lake
// partitions and nothing of another tenant, including one whose id extends its own (acme, acme2).
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { loadModule } = require('./terraform-model');
const { statements, allows } = require('./iam-policy');
const { TERRAFORM, brokenCopy } = require('./fixtures');

const TENANTS = ['acme', 'acme2', 'globex'];
const RAW = 'arn:aws:s3:::raw-cur';
const LAKE = 'arn:aws:s3:::lake';
const ACTIONS = ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'];

function policyOf(module, tenant) {
  return statements(module, 'tenant_access', {
    tenant_id: tenant, raw_bucket_arn: RAW, lake_bucket_arn: LAKE, lake_bucket_name: 'lake',
  });
}

/** The requests touching one tenant's data: its raw deliveries and lake partitions, objects and listings. */
function dataOf(tenant) {
  return {
    objects: [
      `${RAW}/cur/${tenant}/curlake-${tenant}-cur2/data/BILLING_PERIOD=2025-01/part-0.snappy.parquet`,
      `${LAKE}/lake/bronze/cur_line_items/tenant_id=${tenant}/billing_period=2025-01/part-0.snappy.parquet`,
      `${LAKE}/lake/marts/fct_cost_daily/tenant_id=${tenant}/billing_period=2025-01/part-0.snappy.parquet`,
    ],
    listings: [[RAW, `cur/${tenant}/`], [LAKE, `lake/marts/fct_cost_daily/tenant_id=${tenant}/`]],
  };
}

/** Every request of `policy` that reaches `owner`'s data. */
function reaches(policy, owner) {
  const { objects, listings } = dataOf(owner);
  const granted = [];
  for (const resource of objects) {
    for (const action of ACTIONS) {
      if (allows(policy, { action, resource })) granted.push(`${action} ${resource}`);
    }
  }
  for (const [bucket, prefix] of listings) {
    if (allows(policy, { action: 's3:ListBucket', resource: bucket, context: { 's3:prefix': prefix } })) {
      granted.push(`s3:ListBucket ${bucket} prefix=${prefix}`);
    }
  }
  return granted;
}

/** Requests one tenant's policy grants on another tenant's data (empty when isolated). */
function leaks(module) {
  return TENANTS.flatMap((tenant) => TENANTS.filter((other) => other !== tenant)
    .flatMap((other) => reaches(policyOf(module, tenant), other).map((grant) => `${tenant} -> ${other}: ${grant}`)));
}

test('each tenant reads and delivers its own data', async () => {
  const module = await loadModule(path.join(TERRAFORM, 'modules', 'tenant'));
  for (const tenant of TENANTS) {
    const policy = policyOf(module, tenant);
    const own = dataOf(tenant);
    for (const resource of own.objects) assert.ok(allows(policy, { action: 's3:GetObject', resource }), `${tenant} reads ${resource}`);
    assert.ok(allows(policy, { action: 's3:PutObject', resource: own.objects[0] }), `${tenant} delivers its CUR`);
    for (const [bucket, prefix] of own.listings) {
      assert.ok(allows(policy, { action: 's3:ListBucket', resource: bucket, context: { 's3:prefix': prefix } }), `${tenant} lists ${prefix}`);
    }
  }
});

test('no tenant reaches another tenant, the bucket roots or the shared Delta logs', async () => {
  const module = await loadModule(path.join(TERRAFORM, 'modules', 'tenant'));
  assert.deepEqual(leaks(module), []);
  for (const tenant of TENANTS) {
    const policy = policyOf(module, tenant);
    for (const [bucket, prefix] of [[RAW, ''], [RAW, 'cur/'], [LAKE, ''], [LAKE, 'lake/']]) {
      assert.equal(allows(policy, { action: 's3:ListBucket', resource: bucket, context: { 's3:prefix': prefix } }), false, `${tenant} lists ${bucket}/${prefix}`);
    }
    assert.equal(allows(policy, { action: 's3:ListBucket', resource: RAW }), false, `${tenant} lists without a prefix`);
    assert.equal(allows(policy, { action: 's3:GetObject', resource: `${LAKE}/lake/marts/fct_cost_daily/_delta_log/00000000000000000000.json` }), false);
    assert.equal(allows(policy, { action: 's3:DeleteObject', resource: dataOf(tenant).objects[1] }), false, `${tenant} deletes lake data`);
  }
});

test('a prefix without its trailing slash is caught (acme would read acme2)', async () => {
  const root = brokenCopy('modules/tenant/main.tf', 'raw_prefix     = "cur/${var.tenant_id}/"', 'raw_prefix     = "cur/${var.tenant_id}"');
  const found = leaks(await loadModule(path.join(root, 'modules', 'tenant')));
  assert.ok(found.includes(`acme -> acme2: s3:GetObject ${RAW}/cur/acme2/curlake-acme2-cur2/data/BILLING_PERIOD=2025-01/part-0.snappy.parquet`), found.join('\n'));
  assert.ok(!found.some((line) => line.includes('-> globex')), 'only the prefix trap leaks');
});

test('a cross-tenant resource is caught', async () => {
  const root = brokenCopy('modules/tenant/main.tf', 'resources = ["${var.lake_bucket_arn}/${local.lake_partition}*"]',
    'resources = ["${var.lake_bucket_arn}/${var.lake_prefix}/*"]');
  const found = leaks(await loadModule(path.join(root, 'modules', 'tenant')));
  assert.ok(found.includes(`globex -> acme: s3:GetObject ${LAKE}/lake/marts/fct_cost_daily/tenant_id=acme/billing_period=2025-01/part-0.snappy.parquet`), found.join('\n'));
});

test('a policy the evaluator cannot read fails instead of passing', async () => {
  const root = brokenCopy('modules/tenant/main.tf', 'resources = [var.raw_bucket_arn]', 'resources = [for arn in [var.raw_bucket_arn] : arn]');
  const module = await loadModule(path.join(root, 'modules', 'tenant'));
  assert.throws(() => policyOf(module, 'acme'), /literal list|cannot evaluate/);
});
