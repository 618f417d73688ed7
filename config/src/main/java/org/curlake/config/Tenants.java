package org.curlake.config;

import java.util.List;
import java.util.Optional;

/** The validated set of tenants, in id order. */
public record Tenants(List<TenantConfig> all) {
  public Tenants {
    all = all.stream().sorted(java.util.Comparator.comparing(TenantConfig::id)).toList();
    long distinct = all.stream().map(TenantConfig::id).distinct().count();
    if (distinct != all.size()) {
      throw new IllegalArgumentException("tenant ids must be unique");
    }
  }

  public List<TenantConfig> active() {
    return all.stream().filter(TenantConfig::active).toList();
  }

  public Optional<TenantConfig> find(String id) {
    return all.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The tenant with this id, or an error listing the known ids. */
  public TenantConfig require(String id) {
    return find(id).orElseThrow(() -> new ConfigException("unknown tenant '" + id + "'; configured tenants: "
        + all.stream().map(TenantConfig::id).toList()));
  }
}
