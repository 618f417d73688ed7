// Small HTML building blocks the pages share: KPI cards, status badges, ranked tables, data tables.
import { esc, money } from './format.js';

const STATUS_CLASS = { OK: 'ok', PASS: 'ok', PASSED: 'ok', SUCCESS: 'ok', WARN: 'warn', WARNING: 'warn',
  EXCEEDED: 'bad', BREACH: 'bad', FAIL: 'bad', FAILED: 'bad', ERROR: 'bad' };

export const badge = (status) => `<span class="badge ${STATUS_CLASS[String(status).toUpperCase()] ?? 'neutral'}">${esc(status)}</span>`;

/** A KPI card; data-value holds the API's number so tests can compare it with the text. */
export const kpiCard = (id, label, value, sub) => `
  <article class="card kpi" data-kpi="${id}" data-value="${value ?? ''}">
    <div class="label">${esc(label)}</div>
    <div class="value">${money(value)}</div>
    <div class="sub">${sub}</div>
  </article>`;

/** The page of a tenant whose curated layer holds no cost yet. */
export function noData(app, tenant, title) {
  app.innerHTML = `<div class="page-head"><div><h1>${esc(title)}</h1><p>${esc(tenant)}</p></div></div>
    <article class="card"><p class="empty">No curated cost for this tenant yet: run <code>./lakehouse ingest</code> and
    <code>./lakehouse curate</code> (or <code>./lakehouse demo</code>) and reload.</p></article>`;
}

/** [id, name] pairs of a ranked list, for a filter's options. */
export const pairs = (ranked) => ranked.map((r) => [r.id, r.name]);

/** Ranked costs with a bar for each share of the biggest; each name links to linkOf(row). */
export function rankedTable(rows, linkOf, { idLabel = 'Name', drill, showId = true } = {}) {
  if (!rows.length) return '<p class="empty">No cost for these filters.</p>';
  const max = Math.max(...rows.map((r) => Math.abs(Number(r.cost)))) || 1;
  return `<div class="table-wrap"><table>
    <thead><tr><th scope="col">#</th><th scope="col">${esc(idLabel)}</th><th scope="col" class="num">Cost</th></tr></thead>
    <tbody>${rows.map((r) => `<tr>
      <td class="muted">${r.rank ?? ''}</td>
      <td class="wrap">${linkOf ? `<a href="${linkOf(r)}"${drill ? ` data-drill="${esc(r.id)}"` : ''}>${esc(r.name)}</a>` : esc(r.name)}
        ${showId && r.name !== r.id ? `<div class="muted">${esc(r.id)}</div>` : ''}</td>
      <td class="num"><div class="bar-cell" style="justify-content:flex-end"><span class="bar" style="width:${Math.round((Math.abs(Number(r.cost)) / max) * 80)}px"></span>${money(r.cost)}</div></td>
    </tr>`).join('')}</tbody></table></div>`;
}

/** A plain table: columns are [heading, cell(row) → HTML, className]. */
export function dataTable(rows, columns, empty = 'Nothing to show.') {
  if (!rows.length) return `<p class="empty">${esc(empty)}</p>`;
  return `<div class="table-wrap"><table>
    <thead><tr>${columns.map(([h, , cls]) => `<th scope="col" class="${cls ?? ''}">${esc(h)}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${columns.map(([, cell, cls]) => `<td class="${cls ?? ''}">${cell(r)}</td>`).join('')}</tr>`).join('')}</tbody>
  </table></div>`;
}
