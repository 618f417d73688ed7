// Tenant overview: KPI cards, monthly trend, cost distribution, stacked monthly by service, top
// services and accounts, daily cost of the chosen month.
import { api, downloadCsv } from '../api.js';
import { barChart, doughnutChart, lineChart, topWithOther } from '../charts.js';
import { filterBar, periodRange, readFilters } from '../filters.js';
import { day, dayShort, esc, money, moneyWhole, period as periodLabel, pct } from '../format.js';
import { href } from '../routes.js';
import { badge, kpiCard, noData, pairs, rankedTable } from '../widgets.js';

const STACKED_SERVICES = 5;

export async function render({ app, tenant, params }) {
  const filters = readFilters(params);
  const months = await api.monthly(tenant, filters.query());
  const periods = months.map((m) => m.billingPeriod);
  if (!periods.length) return noData(app, tenant, 'Overview');
  const chosen = filters.period && periods.includes(filters.period) ? filters.period : periods.at(-1);
  const range = chosen ? periodRange(chosen) : {};
  const inPeriod = filters.query({ from: range.from, to: range.to });

  const [summary, topServices, topAccounts, daily, periodTops] = await Promise.all([
    api.summary(tenant, { asOf: chosen === periods.at(-1) ? undefined : range.to, costType: filters.costType }),
    api.top(tenant, 'services', { ...inPeriod, limit: 8 }),
    api.top(tenant, 'accounts', { ...inPeriod, limit: 8 }),
    api.daily(tenant, inPeriod),
    Promise.all(periods.slice(-6).map((p) => api.top(tenant, 'services', { ...filters.query(periodRange(p)), limit: STACKED_SERVICES + 1 }))),
  ]);

  const budget = summary.budget;
  const lastMonthDelta = summary.lastMonth ? ((summary.monthToDate - summary.lastMonth) / summary.lastMonth) * 100 : null;
  app.innerHTML = `
    <div class="page-head">
      <div><h1>Overview</h1><p>${esc(tenant)} · ${periodLabel(chosen)} · ${esc(summary.costType)} cost · as of ${day(summary.asOf)}</p></div>
      <button class="secondary" type="button" data-csv="daily">Download daily CSV</button>
    </div>
    ${filterBar(filters, { periods, chosen, services: pairs(topServices), accounts: pairs(topAccounts) })}
    <section class="grid kpis" aria-label="Key figures">
      ${kpiCard('month-to-date', 'Month to date', summary.monthToDate, `${periodLabel(chosen)} through ${day(summary.asOf)}`)}
      ${kpiCard('last-month', 'Last month', summary.lastMonth,
        lastMonthDelta === null ? 'no previous month' : `<span class="${lastMonthDelta > 0 ? 'delta-up' : 'delta-down'}">${lastMonthDelta > 0 ? '▲' : '▼'} ${pct(Math.abs(lastMonthDelta))}</span> month to date vs last month`)}
      ${kpiCard('forecast', 'Forecast (month end)', budget?.forecastUsd, budget ? `run rate as of ${day(budget.asOfDate)} · ${pct(budget.forecastPercent)} of budget` : 'no budget run for this month')}
      <article class="card kpi" data-kpi="budget-status" data-value="${esc(budget?.status ?? '')}">
        <div class="label">Budget</div>
        <div class="value">${budget ? badge(budget.status) : '<span class="badge neutral">NO BUDGET</span>'}</div>
        <div class="sub">${budget ? `${money(budget.monthToDateUsd)} of ${moneyWhole(budget.budgetUsd)} · ${pct(budget.percentUsed)} used` : 'no budget status for this month'}</div>
        ${budget ? `<div class="meter ${meterClass(budget.status)}" role="img" aria-label="${pct(budget.percentUsed)} of budget used"><span style="width:${Math.min(100, budget.percentUsed)}%"></span></div>` : ''}
      </article>
    </section>
    <section class="grid two">
      <article class="card"><div class="card-head"><h2>Monthly trend</h2><span class="muted">${periods.length} months</span></div>
        <div class="chart-box"><canvas id="chart-trend" role="img" aria-label="Cost per month"></canvas></div></article>
      <article class="card"><div class="card-head"><h2>Cost distribution</h2><span class="muted">${periodLabel(chosen)} by service</span></div>
        <div class="chart-box doughnut"><canvas id="chart-distribution" role="img" aria-label="Share of cost by service"></canvas></div></article>
    </section>
    <section class="grid two">
      <article class="card"><div class="card-head"><h2>Monthly cost by service</h2><span class="muted">top ${STACKED_SERVICES} services, the rest as Other</span></div>
        <div class="chart-box tall"><canvas id="chart-stacked" role="img" aria-label="Monthly cost stacked by service"></canvas></div></article>
      <article class="card" id="top-services"><div class="card-head"><h2>Top services</h2><span class="muted">click to drill down</span></div>
        ${rankedTable(topServices, (r) => href(tenant, 'costs', { period: chosen, service: r.id, costType: filters.costType }), { idLabel: 'Service', drill: true })}</article>
    </section>
    <section class="grid two">
      <article class="card"><div class="card-head"><h2>Daily cost</h2><span class="muted">${periodLabel(chosen)}</span></div>
        <div class="chart-box"><canvas id="chart-daily" role="img" aria-label="Cost per day"></canvas></div></article>
      <article class="card"><div class="card-head"><h2>Top accounts</h2></div>
        ${rankedTable(topAccounts, (r) => href(tenant, 'costs', { period: chosen, account: r.id, costType: filters.costType }), { idLabel: 'Account' })}</article>
    </section>`;

  barChart(app.querySelector('#chart-trend'), periods.map(periodLabel), [{ label: 'Cost', values: months.map((m) => m.cost) }]);
  const shares = topWithOther(topServices.map((s) => ({ label: s.name, value: Number(s.cost) })), 6);
  doughnutChart(app.querySelector('#chart-distribution'), shares.map((s) => s.label), shares.map((s) => s.value));
  stackedByService(app.querySelector('#chart-stacked'), months.slice(-6), periodTops);
  lineChart(app.querySelector('#chart-daily'), daily.map((d) => dayShort(d.date)), [{ label: 'Cost', values: daily.map((d) => d.cost), points: 2 }]);
  app.querySelector('[data-csv="daily"]').addEventListener('click',
    () => downloadCsv(tenant, '/costs/daily', inPeriod, `${tenant}-daily-${chosen}.csv`));
}

/** One stack per month: the services biggest over the shown months; Other is the month's total less them. */
function stackedByService(canvas, months, topsPerPeriod) {
  const totals = new Map();
  const names = new Map();
  topsPerPeriod.flat().forEach((s) => {
    totals.set(s.id, (totals.get(s.id) ?? 0) + Number(s.cost));
    names.set(s.id, s.name);
  });
  const biggest = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, STACKED_SERVICES).map(([id]) => id);
  const costOf = (tops, id) => Number(tops.find((s) => s.id === id)?.cost ?? 0);
  const series = biggest.map((id) => ({ label: names.get(id), values: topsPerPeriod.map((tops) => costOf(tops, id)) }));
  const other = months.map((m, i) => Math.max(0, Number(m.cost) - biggest.reduce((sum, id) => sum + costOf(topsPerPeriod[i], id), 0)));
  if (other.some((v) => v > 0.005)) series.push({ label: 'Other', values: other.map((v) => Math.round(v * 100) / 100) });
  barChart(canvas, months.map((m) => periodLabel(m.billingPeriod)), series, { stacked: true });
}

const meterClass = (status) => ({ WARN: 'warn', EXCEEDED: 'bad' })[status] ?? '';
