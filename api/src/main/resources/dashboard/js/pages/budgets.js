// Budget: month to date against the monthly budget, the run-rate forecast, and past months.
import { api } from '../api.js';
import { lineChart, barChart } from '../charts.js';
import { periodRange } from '../filters.js';
import { day, dayShort, esc, money, moneyWhole, pct, period as periodLabel } from '../format.js';
import { badge, kpiCard } from '../widgets.js';

export async function render({ app, tenant }) {
  const summary = await api.summary(tenant, {});
  const budget = summary.budget;
  if (!budget) {
    app.innerHTML = `<div class="page-head"><div><h1>Budget</h1><p>${esc(tenant)}</p></div></div>
      <article class="card"><p class="empty">No budget status for this tenant: add <code>budget.monthly_usd</code> to its config and run the analytics job.</p></article>`;
    return;
  }
  const range = periodRange(budget.billingPeriod);
  const [daily, months] = await Promise.all([
    api.daily(tenant, { from: range.from, to: budget.asOfDate, costType: 'amortized' }),
    api.monthly(tenant, { costType: 'amortized' }),
  ]);
  const daysInMonth = Number(range.to.slice(8));
  const labels = Array.from({ length: daysInMonth }, (_, i) => dayShort(`${budget.billingPeriod}-${String(i + 1).padStart(2, '0')}`));
  let running = 0;
  const actual = labels.map((_, i) => {
    const d = daily.find((x) => Number(String(x.date).slice(8, 10)) === i + 1);
    if (i + 1 > daily.length && !d) return null;
    running += Number(d?.cost ?? 0);
    return Math.round(running * 100) / 100;
  });
  const elapsed = actual.filter((v) => v !== null).length;
  const rate = elapsed < daysInMonth ? (budget.forecastUsd - budget.monthToDateUsd) / (daysInMonth - elapsed) : 0;
  const forecast = labels.map((_, i) => (i + 1 < elapsed ? null : Math.round((budget.monthToDateUsd + rate * (i + 1 - elapsed)) * 100) / 100));
  const pace = labels.map((_, i) => Math.round((budget.budgetUsd * (i + 1)) / daysInMonth * 100) / 100);

  app.innerHTML = `
    <div class="page-head"><div><h1>Budget</h1><p>${esc(tenant)} · ${periodLabel(budget.billingPeriod)} · amortized cost · as of ${day(budget.asOfDate)}</p></div></div>
    <section class="grid kpis">
      ${kpiCard('budget', 'Monthly budget', budget.budgetUsd, periodLabel(budget.billingPeriod))}
      ${kpiCard('budget-mtd', 'Month to date', budget.monthToDateUsd, `${pct(budget.percentUsed)} of budget`)}
      ${kpiCard('budget-forecast', 'Forecast', budget.forecastUsd, `${pct(budget.forecastPercent)} of budget`)}
      <article class="card kpi" data-kpi="budget-status" data-value="${esc(budget.status)}"><div class="label">Status</div>
        <div class="value">${badge(budget.status)}</div><div class="sub">${statusText(budget)}</div></article>
    </section>
    <section class="grid two">
      <article class="card"><div class="card-head"><h2>Spend against budget</h2><span class="muted">cumulative</span></div>
        <div class="chart-box tall"><canvas id="chart-budget" role="img" aria-label="Cumulative cost against the budget"></canvas></div></article>
      <article class="card"><div class="card-head"><h2>Past months</h2><span class="muted">budget ${moneyWhole(budget.budgetUsd)}</span></div>
        <div class="chart-box tall"><canvas id="chart-months" role="img" aria-label="Cost per month"></canvas></div></article>
    </section>`;
  lineChart(app.querySelector('#chart-budget'), labels, [
    { label: 'Actual', values: actual, colour: '#0072B2', points: 2 },
    { label: 'Forecast', values: forecast, colour: '#56B4E9', dashed: true },
    { label: 'Budget pace', values: pace, colour: '#D55E00', dashed: true },
  ]);
  barChart(app.querySelector('#chart-months'), months.map((m) => periodLabel(m.billingPeriod)), [
    { label: 'Cost', values: months.map((m) => m.cost), colour: '#56B4E9' },
  ]);
}

function statusText(b) {
  if (b.status === 'EXCEEDED') return `over budget by ${money(b.monthToDateUsd - b.budgetUsd)}`;
  if (b.status === 'WARN') return `forecast ${money(b.forecastUsd)} nears the budget`;
  return 'on track';
}
