// The dashboards' only door to the JSON API: every route the pages read is named here.
import { token } from './session.js';

const BASE = '/api/v1';

/** The API refused the token: the caller sends the user back to the login page. */
export class AuthError extends Error {}

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
  if (response.status === 401 || response.status === 403) throw new AuthError(`${response.status} on ${path}`);
  if (!response.ok) {
    const body = await response.text();
    throw new Error(`${response.status} ${response.statusText} on ${path}: ${body.slice(0, 200)}`);
  }
  return response;
}

const json = async (path, query) => (await request(path, query, 'application/json')).json();
const tenantPath = (tenant, rest) => `/tenants/${encodeURIComponent(tenant)}${rest}`;

export const api = {
  tenants: () => json('/tenants'),
  summary: (tenant, q) => json(tenantPath(tenant, '/summary'), q),
  daily: (tenant, q) => json(tenantPath(tenant, '/costs/daily'), q),
  top: (tenant, dimension, q) => json(tenantPath(tenant, `/costs/top/${dimension}`), q),
  monthly: (tenant, q) => json(tenantPath(tenant, '/costs/monthly'), q),
  byTag: (tenant, q) => json(tenantPath(tenant, '/costs/by-tag'), q),
  idle: (tenant, q) => json(tenantPath(tenant, '/idle-resources'), q),
  anomalies: (tenant, q) => json(tenantPath(tenant, '/anomalies'), q),
  status: (tenant, q) => json(tenantPath(tenant, '/status'), q),
};

/** Downloads a CSV export with the bearer token (a plain link cannot send it) and saves it as a file. */
export async function downloadCsv(tenant, dataset, query, filename) {
  const response = await request(tenantPath(tenant, `/export/${dataset}.csv`), query, 'text/csv');
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
