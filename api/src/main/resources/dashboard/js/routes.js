// Page addresses: #/t/<tenant>/<page>?<filters>.

/** The hash of a tenant page with the given query parameters (empty ones dropped). */
export function href(tenant, page, params = {}) {
  const kept = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const qs = new URLSearchParams(kept).toString();
  return `#/t/${encodeURIComponent(tenant)}/${page}${qs ? `?${qs}` : ''}`;
}

export const go = (hash) => { location.hash = hash; };
