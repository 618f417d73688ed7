// The filter bar every tenant page shares: period, cost type, service, account and tag. Filters
// live in the page address (#/t/<tenant>/<page>?period=...&service=...), so links and reloads keep them.
import { esc, period as periodLabel } from './format.js';
import { href } from './routes.js';

const COST_TYPES = [['amortized', 'Amortized'], ['unblended', 'Unblended'], ['net', 'Net amortized']];

/** The first and last day of a billing period 'YYYY-MM'. */
export function periodRange(p) {
  const [y, m] = p.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${p}-01`, to: `${p}-${String(last).padStart(2, '0')}` };
}

/** The filters in the page address, and the API query they make. */
export function readFilters(params) {
  const f = {
    period: params.get('period') ?? '',
    costType: params.get('costType') ?? 'amortized',
    service: params.get('service') ?? '',
    usageType: params.get('usageType') ?? '',
    account: params.get('account') ?? '',
    tag: params.get('tag') ?? '',
    tagKey: params.get('tagKey') ?? '',
  };
  f.query = ({ from, to } = {}) => ({ from, to, costType: f.costType, service: f.service, account: f.account, tag: f.tag });
  f.params = () => ({ period: f.period, costType: f.costType, service: f.service, usageType: f.usageType, account: f.account, tag: f.tag, tagKey: f.tagKey });
  return f;
}

const options = (list, selected, blank) => (blank ? `<option value="">${blank}</option>` : '')
  + list.map(([value, label]) => `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`).join('');

/**
 * The filter form. periods: billing periods to choose from; services/accounts: [id, name] pairs
 * (the current choice is kept even when it is not in the list).
 */
export function filterBar(f, { periods = [], chosen = f.period, services = [], accounts = [] } = {}) {
  const keep = (list, id) => (id && !list.some(([v]) => v === id) ? [[id, id], ...list] : list);
  return `
    <form class="filters card" id="filter-form" aria-label="Filters">
      <label>Period<select id="filter-period" name="period">${options([...periods].reverse().map((p) => [p, periodLabel(p)]), chosen)}</select></label>
      <label>Cost type<select id="filter-costType" name="costType">${options(COST_TYPES, f.costType)}</select></label>
      <label>Service<select id="filter-service" name="service">${options(keep(services, f.service), f.service, 'All services')}</select></label>
      <label>Account<select id="filter-account" name="account">${options(keep(accounts, f.account), f.account, 'All accounts')}</select></label>
      <label>Tag (key:value)<input id="filter-tag" name="tag" value="${esc(f.tag)}" placeholder="e.g. environment:prod" size="18"></label>
      <input type="hidden" name="usageType" value="${esc(f.usageType)}">
      <input type="hidden" name="tagKey" value="${esc(f.tagKey)}">
      <span class="spacer"></span>
      <button type="submit">Apply</button>
    </form>`;
}

// One listener for every page: a changed select applies at once, the tag applies on Enter or Apply.
function apply(form, changed) {
  const [, , tenant, page] = location.hash.replace(/^#/, '').split('?')[0].split('/');
  const values = Object.fromEntries(new FormData(form));
  if (changed === 'service') values.usageType = '';
  location.hash = href(decodeURIComponent(tenant), page, values);
}
document.addEventListener('change', (e) => {
  const form = e.target.closest('#filter-form');
  if (form && e.target.tagName === 'SELECT') apply(form, e.target.name);
});
document.addEventListener('submit', (e) => {
  if (e.target.id !== 'filter-form') return;
  e.preventDefault();
  apply(e.target, 'tag');
});
