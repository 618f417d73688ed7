// The dashboards' only door to the JSON API: every route the pages read is named here.
import { token } from './session.js';

const BASE = '/api/v1';

/** The API refused the token: the caller sends the user back to the login page. */
export class AuthError extends Error {}
/** The token is valid but its role or tenants do not cover this route. */
export class Forbidden extends Error {}

function url(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function request(path, query, accept) {
  const response = await fetch(url(path, query), {
    headers: { Authorization: `Bearer ${token() ?? ''}`, Accept: accept },
  });
  if (response.status === 401) throw new AuthError(`401 on ${path}`);
  if (response.status === 403) throw new Forbidden((await response.json().catch(() => ({}))).message ?? 'forbidden');
  if (!response.ok) {
    const body = await response.text();
    throw new Error(`${response.status} ${response.statusText} on ${path}: ${body.slice(0, 200)}`);
  }
  return response;
}

const json = async (path, query) => (await request(path, query, 'application/json')).json();
/** A list route: every item (the API pages lists; the dashboards ask for the largest page). */
const list = async (path, query) => (await json(path, { ...query, size: 1000 })).items;
const tenantPath = (tenant, rest) => `/tenants/${encodeURIComponent(tenant)}${rest}`;
const TOP = { services: '/costs/top-services', accounts: '/costs/top-accounts', 'usage-types': '/costs/top-usage-types', resources: '/costs/top-resources' };

export const api = {
  tenants: async () => (await list('/tenants')).map((t) => ({ id: t.tenantId, name: t.displayName })),
  summary: (tenant, q) => json(tenantPath(tenant, '/summary'), q),
  daily: (tenant, q) => list(tenantPath(tenant, '/costs/daily'), q),
  top: (tenant, dimension, q) => list(tenantPath(tenant, TOP[dimension]), q),
  monthly: (tenant, q) => list(tenantPath(tenant, '/costs/monthly'), q),
  byTag: (tenant, key, q) => list(tenantPath(tenant, `/costs/by-tag/${encodeURIComponent(key)}`), q),
  idle: (tenant, q) => list(tenantPath(tenant, '/idle-resources'), q),
  anomalies: (tenant, q) => list(tenantPath(tenant, '/anomalies'), q),
  anomalyDrivers: (tenant, q) => list(tenantPath(tenant, '/anomalies/drivers'), q),
  sla: async (tenant) => (await json(tenantPath(tenant, '/sla'))).sla,
  dataQuality: (tenant) => list(tenantPath(tenant, '/data-quality')),
};

/** The address of a list route's CSV export for these filters. */
/** Downloads a list route as CSV with the bearer token (a plain link cannot send it) and saves it as a file. */
export async function downloadCsv(tenant, route, query, filename) {
  const response = await request(tenantPath(tenant, route), { ...query, format: 'csv' }, 'text/csv');
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The route of a top-N dimension, for its CSV export. */
export const topRoute = (dimension) => TOP[dimension];
