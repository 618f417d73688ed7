// Freshness against the SLA and the latest data-quality check results.
import { api, Forbidden } from '../api.js';
import { day, esc, number } from '../format.js';
import { badge, dataTable } from '../widgets.js';

const when = (instant) => (instant ? `${day(instant)} ${String(instant).slice(11, 16)} UTC` : '—');

export async function render({ app, tenant }) {
  const [sla, checks] = await Promise.all([api.sla(tenant), api.dataQuality(tenant).catch((e) => {
    if (e instanceof Forbidden) return null;
    throw e;
  })]);
  if (checks === null) return renderSlaOnly(app, tenant, sla);
  const failed = checks.filter((c) => !['PASS', 'PASSED', 'SUCCESS', 'OK'].includes(String(c.status).toUpperCase()));
  app.innerHTML = `
    <div class="page-head"><div><h1>SLA &amp; data quality</h1><p>${esc(tenant)} · from the latest check run</p></div></div>
    <section class="grid kpis">
      ${slaCards(sla)}
      <article class="card kpi" data-kpi="dq-failed" data-value="${failed.length}"><div class="label">Quality checks</div>
        <div class="value">${checks.length - failed.length} / ${checks.length}</div><div class="sub">${failed.length ? `${failed.length} not passing` : 'all passing'}</div></article>
    </section>
    <article class="card"><div class="card-head"><h2>Data-quality checks</h2><span class="muted">${checks.length ? `checked ${when(checks[0].checkedAt)}` : ''}</span></div>
      ${dataTable([...failed, ...checks.filter((c) => !failed.includes(c))], [
        ['Status', (c) => badge(c.status)],
        ['Check', (c) => `<strong>${esc(c.checkId)}</strong><div class="muted">${esc(c.tableName)} · ${esc(c.billingPeriod ?? '')}</div>`, 'wrap'],
        ['Metric', (c) => esc(c.metric)],
        ['Value', (c) => number(c.value), 'num'],
        ['Threshold', (c) => number(c.threshold), 'num'],
        ['Message', (c) => esc(c.message ?? ''), 'wrap'],
      ], 'No data-quality results yet: run ./lakehouse check.')}
    </article>`;
}

/** Viewers see freshness only: data-quality details are for tenant admins. */
function renderSlaOnly(app, tenant, sla) {
  app.innerHTML = `
    <div class="page-head"><div><h1>SLA &amp; data quality</h1><p>${esc(tenant)} · from the latest check run</p></div></div>
    <section class="grid kpis">${slaCards(sla)}</section>
    <article class="card"><p class="empty">Data-quality check details are shown to tenant admins.</p></article>`;
}

const slaCards = (sla) => `
      <article class="card kpi" data-kpi="sla-status" data-value="${esc(sla?.status ?? '')}"><div class="label">Freshness SLA</div>
        <div class="value">${sla ? badge(sla.status) : '<span class="badge neutral">NOT CHECKED</span>'}</div>
        <div class="sub">${sla ? `${sla.lagHours < 0 ? 'data newer than the check time' : `data ${number(sla.lagHours)} h old`} · SLA ${sla.slaHours} h` : 'run ./lakehouse check'}</div></article>
      <article class="card kpi"><div class="label">Latest data</div><div class="value" style="font-size:1.3rem">${sla ? when(sla.latestUsageStart) : '—'}</div>
        <div class="sub">period ${esc(sla?.latestPeriod ?? '—')} · checked against ${sla ? when(sla.referenceTime) : '—'}</div></article>`;
