// Cost explorer: daily cost for the filters and a drill-down service → usage type → resource.
import { api, downloadCsv, topRoute } from '../api.js';
import { lineChart } from '../charts.js';
import { filterBar, periodRange, readFilters } from '../filters.js';
import { day, dayShort, esc, money, period as periodLabel } from '../format.js';
import { href } from '../routes.js';
import { noData, pairs, rankedTable } from '../widgets.js';
import { bindTagCard, loadTagValues, tagCard, tagKeyOf } from './tagBreakdown.js';

/** The drill-down levels: what the table lists at each depth, and the filter a click adds. */
const LEVELS = [
  { dimension: 'services', title: 'Services', idLabel: 'Service', next: 'service' },
  { dimension: 'usage-types', title: 'Usage types', idLabel: 'Usage type', next: 'usageType' },
  { dimension: 'resources', title: 'Resources', idLabel: 'Resource' },
];

export async function render({ app, tenant, params }) {
  const filters = readFilters(params);
  const months = await api.monthly(tenant, { costType: filters.costType });
  const periods = months.map((m) => m.billingPeriod);
  if (!periods.length) return noData(app, tenant, 'Cost explorer');
  const chosen = filters.period && periods.includes(filters.period) ? filters.period : periods.at(-1);
  const query = filters.query(chosen ? periodRange(chosen) : {});
  const depth = filters.service ? (filters.usageType ? 2 : 1) : 0;
  const level = LEVELS[depth];
  // Usage types and resources come from tables without tags: a tag filter stops the drill-down.
  const tagBlocksLevel = Boolean(filters.tag) && depth > 0;
  const levelQuery = { ...query, ...(depth === 2 ? { usageType: filters.usageType } : {}), limit: 25 };

  const tagKey = tagKeyOf(filters);
  const [rows, daily, services, accounts, tagValues] = await Promise.all([
    tagBlocksLevel ? [] : api.top(tenant, level.dimension, levelQuery),
    api.daily(tenant, query),
    api.top(tenant, 'services', { ...query, service: '', limit: 50 }),
    api.top(tenant, 'accounts', { ...query, account: '', limit: 50 }),
    loadTagValues(tenant, tagKey, query),
  ]);
  const total = daily.reduce((sum, d) => sum + Number(d.cost), 0);
  const serviceName = services.find((s) => s.id === filters.service)?.name ?? filters.service;
  const at = (extra) => href(tenant, 'costs', { ...filters.params(), period: chosen, ...extra });

  app.innerHTML = `
    <div class="page-head">
      <div><h1>Cost explorer</h1><p>${esc(tenant)} · ${periodLabel(chosen)} · ${esc(filters.costType)} cost · total ${money(total)}</p></div>
      ${tagBlocksLevel ? '' : `<button class="secondary" type="button" data-csv="breakdown">Download ${esc(level.title.toLowerCase())} CSV</button>`}
    </div>
    ${filterBar(filters, { periods, chosen, services: pairs(services), accounts: pairs(accounts) })}
    <nav class="crumbs" aria-label="Drill-down">
      <a href="${at({ service: '', usageType: '' })}">All services</a>
      ${depth >= 1 ? `<span class="sep">›</span><a href="${at({ usageType: '' })}" data-crumb="service">${esc(serviceName)}</a>` : ''}
      ${depth >= 2 ? `<span class="sep">›</span><span data-crumb="usageType">${esc(filters.usageType)}</span>` : ''}
    </nav>
    <section class="grid two">
      <article class="card"><div class="card-head"><h2>Daily cost</h2><span class="muted">${daily.length} days</span></div>
        <div class="chart-box tall"><canvas id="chart-daily" role="img" aria-label="Cost per day for the filters"></canvas></div></article>
      <article class="card" id="breakdown" data-level="${level.dimension}">
        <div class="card-head"><h2>${esc(level.title)}</h2><span class="muted">${level.next ? 'click to drill down' : `top ${rows.length}`}</span></div>
        ${tagBlocksLevel ? '<p class="empty">Usage types and resources cannot be filtered by tag: clear the tag filter to drill down.</p>' : ''}
        ${tagBlocksLevel ? '' : rankedTable(rows, level.next ? (r) => at({ [level.next]: r.id }) : null, { idLabel: level.idLabel, drill: Boolean(level.next) })}
      </article>
    </section>
    ${tagCard(tagKey, tagValues, at)}`;

  bindTagCard(app, at);
  lineChart(app.querySelector('#chart-daily'), daily.map((d) => dayShort(d.date)), [{ label: 'Cost', values: daily.map((d) => d.cost), points: 2 }]);
  app.querySelector('[data-csv="breakdown"]')?.addEventListener('click',
    () => downloadCsv(tenant, topRoute(level.dimension), levelQuery, `${tenant}-${level.dimension}-${chosen}.csv`));
}
