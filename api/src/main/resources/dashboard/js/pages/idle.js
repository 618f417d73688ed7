// Idle resources: paid-for resources that are (nearly) unused, with the estimated monthly waste.
import { api, downloadCsv } from '../api.js';
import { barChart } from '../charts.js';
import { esc, money, number, period as periodLabel } from '../format.js';
import { dataTable, kpiCard } from '../widgets.js';

const RULES = {
  eip_idle_address: 'Idle Elastic IP', nat_gateway_idle: 'Idle NAT gateway', load_balancer_idle: 'Idle load balancer',
  ebs_volume_unattached: 'Unattached EBS volume', ebs_snapshot_old: 'Old EBS snapshot', ri_unused: 'Unused reservation',
  savings_plan_unused: 'Unused Savings Plan',
};
const ruleName = (id) => RULES[id] ?? id;

export async function render({ app, tenant }) {
  const rows = await api.idle(tenant, {});
  const waste = rows.reduce((sum, r) => sum + Number(r.estimatedMonthlyWasteUsd), 0);
  const byRule = new Map();
  rows.forEach((r) => byRule.set(r.ruleId, (byRule.get(r.ruleId) ?? 0) + Number(r.estimatedMonthlyWasteUsd)));
  const rules = [...byRule.entries()].sort((a, b) => b[1] - a[1]);
  app.innerHTML = `
    <div class="page-head">
      <div><h1>Idle resources</h1><p>${esc(tenant)} · resources paid for but barely used</p></div>
      <button class="secondary" type="button" data-csv="idle">Download CSV</button>
    </div>
    <section class="grid kpis">
      ${kpiCard('idle-waste', 'Estimated monthly waste', waste, `${rows.length} resources`)}
      <article class="card kpi" data-kpi="idle-count" data-value="${rows.length}"><div class="label">Idle resources</div>
        <div class="value">${rows.length}</div><div class="sub">${rules.length} kinds</div></article>
    </section>
    <article class="card"><div class="card-head"><h2>Waste by kind</h2></div>
      <div class="chart-box"><canvas id="chart-idle" role="img" aria-label="Estimated monthly waste by kind of resource"></canvas></div></article>
    <article class="card"><div class="card-head"><h2>Resources, most wasteful first</h2></div>
      ${dataTable(rows, [
        ['Resource', (r) => `<strong>${esc(r.resourceId)}</strong><div class="muted">${esc(ruleName(r.ruleId))}</div>`, 'wrap'],
        ['Account · region', (r) => `${esc(r.accountId)}<div class="muted">${esc(r.region)}</div>`],
        ['Period', (r) => periodLabel(r.billingPeriod)],
        ['Evidence', (r) => `${esc(r.evidenceMetric)} = ${number(r.evidenceValue)}${r.thresholdValue === null ? '' : ` <span class="muted">(threshold ${number(r.thresholdValue)})</span>`}`, 'wrap'],
        ['Cost', (r) => money(r.costUsd), 'num'],
        ['Monthly waste', (r) => `<strong>${money(r.estimatedMonthlyWasteUsd)}</strong>`, 'num'],
      ], 'No idle resources found.')}
    </article>`;
  barChart(app.querySelector('#chart-idle'), rules.map(([id]) => ruleName(id)), [{ label: 'Monthly waste', values: rules.map(([, v]) => v), colour: '#E69F00' }]);
  app.querySelector('[data-csv="idle"]').addEventListener('click', () => downloadCsv(tenant, '/idle-resources', {}, `${tenant}-idle-resources.csv`));
}
