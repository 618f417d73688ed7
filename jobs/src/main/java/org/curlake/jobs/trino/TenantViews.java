package org.curlake.jobs.trino;

import java.util.List;

/** The tenant schema the register command (re)created and the views it holds. */
public record TenantViews(String tenantId, String schema, List<String> views) {
  public TenantViews {
    views = List.copyOf(views);
  }

  public String progressLine() {
    return String.format("tenant %-20s schema %-24s views=%d", tenantId, schema, views.size());
  }
}
