package org.curlake.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One tenant: an AWS organisation or business unit whose CUR is ingested and curated on its own.
 *
 * @param id safe identifier, used in paths, partitions and schema names
 * @param displayName readable name
 * @param active inactive tenants are kept in config but skipped by the jobs
 * @param source the CUR export and its freshness SLA
 * @param accounts account id → name and business unit (the OU map)
 * @param tagKeys the tag keys (case-insensitive) kept as cost-allocation dimensions
 * @param budget the monthly budget, if any
 * @param idle thresholds of the idle-resource rules (defaults when not configured)
 * @param anomalies cost-anomaly settings (defaults when not configured)
 */
public record TenantConfig(
    String id,
    String displayName,
    boolean active,
    SourceConfig source,
    Map<String, AccountInfo> accounts,
    List<String> tagKeys,
    Optional<BudgetConfig> budget,
    IdleThresholds idle,
    AnomalyConfig anomalies) {

  private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_:.\\-/@+= ]{1,128}");

  public TenantConfig {
    TenantId.validate("tenant_id", id);
    if (displayName == null || displayName.isBlank()) {
      displayName = id;
    }
    if (source == null) {
      throw new InvalidFieldException("source", "is required");
    }
    accounts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(accounts == null ? Map.of() : accounts));
    accounts.forEach((key, info) -> {
      if (!key.equals(info.accountId())) {
        throw new InvalidFieldException("accounts." + key, "key does not match account id " + info.accountId());
      }
    });
    tagKeys = List.copyOf(tagKeys == null ? List.of() : tagKeys);
    Set<String> seen = new java.util.HashSet<>();
    for (String key : tagKeys) {
      if (key == null || !TAG_KEY.matcher(key).matches()) {
        throw new InvalidFieldException("tag_keys", "'" + key + "' is not a valid tag key");
      }
      if (!seen.add(key.toLowerCase(java.util.Locale.ROOT))) {
        throw new InvalidFieldException("tag_keys", "'" + key + "' is listed twice (tag keys are case-insensitive)");
      }
    }
    budget = budget == null ? Optional.empty() : budget;
    idle = idle == null ? IdleThresholds.DEFAULTS : idle;
    anomalies = anomalies == null ? AnomalyConfig.DEFAULTS : anomalies;
  }

  /** A tenant with the default idle thresholds and anomaly settings. */
  public TenantConfig(String id, String displayName, boolean active, SourceConfig source,
      Map<String, AccountInfo> accounts, List<String> tagKeys, Optional<BudgetConfig> budget) {
    this(id, displayName, active, source, accounts, tagKeys, budget, null, null);
  }
}
