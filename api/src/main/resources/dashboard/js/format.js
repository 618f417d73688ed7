// Number, money and date formatting for every page: one place, one locale.
const LOCALE = 'en-US';
const usd = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD' });
const usdWhole = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
const monthName = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayShortName = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayName = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const isNumber = (v) => v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v));

/** $1,234.56; a dash for a missing value. */
export const money = (v) => (isNumber(v) ? usd.format(Number(v)) : '—');
/** $1,235 for large figures where cents are noise. */
export const moneyWhole = (v) => (isNumber(v) ? (Math.abs(v) >= 1000 ? usdWhole : usd).format(Number(v)) : '—');
/** $1.2K for chart axes. */
export const moneyCompact = (v) => (isNumber(v) ? usdCompact.format(Number(v)) : '—');
export const number = (v) => (isNumber(v) ? plain.format(Number(v)) : '—');
/** A percentage given as 0-100. */
export const pct = (v) => (isNumber(v) ? percent.format(Number(v) / 100) : '—');
/** '2018-10' → 'Oct 2018'. */
export const period = (p) => (p ? monthName.format(new Date(`${p}-01T00:00:00Z`)) : '—');
/** '2018-10-05' → 'Oct 5, 2018'. */
export const day = (d) => (d ? dayName.format(new Date(`${String(d).slice(0, 10)}T00:00:00Z`)) : '—');

/** '2018-10-05' → 'Oct 5' for chart axes. */
export const dayShort = (d) => (d ? dayShortName.format(new Date(`${String(d).slice(0, 10)}T00:00:00Z`)) : '—');

/** Escapes text for HTML templates. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
