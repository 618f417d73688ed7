package org.curlake.api.auth;

/**
 * What a user may do. viewer: cost, insight and SLA routes of its tenants; tenant_admin: also the
 * data-quality details of its tenants; platform_admin: every tenant and the cross-tenant totals.
 */
public enum Role {
  VIEWER,
  TENANT_ADMIN,
  PLATFORM_ADMIN;

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }
}
