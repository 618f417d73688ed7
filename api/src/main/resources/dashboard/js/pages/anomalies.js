// Cost anomalies: service-days far above their weekday-aware baseline, with their root-cause drivers.
import { api } from '../api.js';
import { barChart } from '../charts.js';
import { day, esc, money, number, pct } from '../format.js';
import { dataTable, kpiCard } from '../widgets.js';

export async function render({ app, tenant }) {
  const [anomalies, drivers] = await Promise.all([api.anomalies(tenant, {}), api.anomalyDrivers(tenant, {})]);
  const rows = anomalies.filter((a) => a.anomaly);
  const impact = rows.reduce((sum, a) => sum + a.impactUsd, 0);
  const driversOf = (a) => drivers.filter((d) => d.usageDate === a.usageDate && d.productCode === a.productCode);
  app.innerHTML = `
    <div class="page-head"><div><h1>Anomalies</h1><p>${esc(tenant)} · days a service cost far more than its weekday baseline</p></div></div>
    <section class="grid kpis">
      <article class="card kpi" data-kpi="anomaly-count" data-value="${rows.length}"><div class="label">Anomalies</div>
        <div class="value">${rows.length}</div><div class="sub">service-days flagged</div></article>
      ${kpiCard('anomaly-impact', 'Impact', impact, 'cost above the expected baseline')}
    </section>
    <article class="card"><div class="card-head"><h2>Impact per anomaly</h2></div>
      <div class="chart-box"><canvas id="chart-anomalies" role="img" aria-label="Impact of each anomaly"></canvas></div></article>
    <article class="card"><div class="card-head"><h2>Anomalies and their drivers</h2></div>
      ${dataTable(rows, [
        ['Day', (a) => day(a.usageDate)],
        ['Service', (a) => `<strong>${esc(a.serviceName)}</strong><div class="muted">${esc(a.productCode)}</div>`],
        ['Actual', (a) => money(a.actualCostUsd), 'num'],
        ['Expected', (a) => money(a.expectedCostUsd), 'num'],
        ['Impact', (a) => `<strong>${money(a.impactUsd)}</strong>`, 'num'],
        ['Score', (a) => number(a.score), 'num'],
        ['Top drivers (account · region · usage type)', (a) => driversOf(a).slice(0, 3).map((d) =>
          `<div>${esc(d.accountId)} · ${esc(d.region)} · ${esc(d.usageType)} <span class="muted">+${money(d.deltaUsd)}${d.contributionPct === null ? '' : ` (${pct(d.contributionPct)})`}</span></div>`).join('') || '<span class="muted">—</span>', 'wrap'],
      ], 'No anomalies: every service stayed within its expected range.')}
    </article>`;
  const top = rows.slice(0, 20);
  barChart(app.querySelector('#chart-anomalies'), top.map((a) => `${day(a.usageDate)} · ${a.serviceName}`),
    [{ label: 'Impact', values: top.map((a) => a.impactUsd), colour: '#D55E00' }]);
}
