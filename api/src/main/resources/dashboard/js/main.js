// Hash router: #/login, #/tenants, #/t/<tenant>/<page>?filters. Renders one page at a time, sends
// the user to the login page whenever the API refuses the token, and marks when a page is ready.
import { AuthError, Forbidden } from './api.js';
import { destroyCharts } from './charts.js';
import { esc } from './format.js';
import { go, href } from './routes.js';
import { signOut, token } from './session.js';
import * as login from './pages/login.js';
import * as tenants from './pages/tenants.js';
import * as overview from './pages/overview.js';
import * as costs from './pages/costs.js';
import * as anomalies from './pages/anomalies.js';
import * as idle from './pages/idle.js';
import * as budgets from './pages/budgets.js';
import * as quality from './pages/quality.js';

const TENANT_PAGES = { overview, costs, anomalies, idle, budgets, quality };
const app = document.getElementById('app');
const nav = document.getElementById('tenant-nav');
const logout = document.getElementById('logout');
let renderCount = 0;

function parse() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query) };
}

function showNav(tenant, page) {
  nav.hidden = !tenant;
  logout.hidden = !token();
  if (!tenant) return;
  const links = [['overview', 'Overview'], ['costs', 'Cost explorer'], ['anomalies', 'Anomalies'], ['idle', 'Idle resources'],
    ['budgets', 'Budgets'], ['quality', 'SLA & data quality']];
  nav.innerHTML = `<a class="tenant-name" href="#/tenants" title="Switch tenant">${esc(tenant)}</a>`
    + links.map(([id, label]) => `<a href="${href(tenant, id)}"${id === page ? ' aria-current="page"' : ''}>${label}</a>`).join('');
}

async function route() {
  const current = ++renderCount;
  destroyCharts();
  delete document.body.dataset.ready;
  const { parts, params } = parse();
  let view = parts[0] === 't' && TENANT_PAGES[parts[2]] ? TENANT_PAGES[parts[2]] : null;
  let tenant = view ? parts[1] : null;
  if (!token() && parts[0] !== 'login') return go('#/login');
  if (!view) view = parts[0] === 'login' ? login : tenants;
  showNav(tenant, parts[2]);
  app.innerHTML = '<p class="loading">Loading…</p>';
  try {
    await view.render({ app, tenant, params, isCurrent: () => current === renderCount });
    if (current !== renderCount) return;
    document.body.dataset.ready = parts[2] ?? parts[0] ?? 'tenants';
    window.dashboardReadyMs = performance.now();
    window.dispatchEvent(new CustomEvent('dashboard:ready', { detail: document.body.dataset.ready }));
  } catch (error) {
    if (error instanceof AuthError) {
      signOut();
      sessionStorage.setItem('curlake.loginMessage', 'Your token was refused. Sign in again.');
      return go('#/login');
    }
    const title = error instanceof Forbidden ? 'Your token may not see this page' : 'Could not load this page';
    if (!(error instanceof Forbidden)) console.warn(error);
    app.innerHTML = `<div class="card"><h2>${title}</h2><p class="error">${esc(error.message)}</p></div>`;
    document.body.dataset.ready = 'error';
  }
}

logout.addEventListener('click', () => { signOut(); go('#/login'); });
window.addEventListener('hashchange', route);
route();
