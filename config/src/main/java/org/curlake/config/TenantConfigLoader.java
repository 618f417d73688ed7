package org.curlake.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads {@code config/tenants/*.yaml}. A file holds one tenant (a mapping) or a list under
 * {@code tenants:}. Every problem is reported as one {@link ConfigException} naming the file, the
 * tenant and the field. Relative source paths are resolved against the project root (the parent of
 * the config directory).
 */
public final class TenantConfigLoader {
  private static final String TENANTS_DIR = "tenants";

  private final Path configDir;
  private final Path projectRoot;

  public TenantConfigLoader(Path configDir) {
    this.configDir = configDir.toAbsolutePath().normalize();
    Path parent = this.configDir.getParent();
    this.projectRoot = parent == null ? this.configDir : parent;
  }

  public Tenants load() {
    Path dir = configDir.resolve(TENANTS_DIR);
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(dir + ": tenant config directory not found");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(dir + ": cannot list tenant config files: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new ConfigException(dir + ": no tenant config files (*.yaml)");
    }
    List<Located> located = new ArrayList<>();
    for (Path file : files) {
      located.addAll(loadFile(file));
    }
    checkAcrossTenants(located);
    return new Tenants(located.stream().map(Located::tenant).toList());
  }

  /** One tenant and the file it came from, for cross-tenant error messages. */
  private record Located(String file, TenantConfig tenant) {}

  private List<Located> loadFile(Path file) {
    String name = projectRoot.relativize(file).toString();
    Object document = YamlDocuments.load(file, name);
    if (!(document instanceof Map<?, ?> map)) {
      throw ConfigException.of(name, null, null, "expected a mapping with tenant fields or 'tenants:'");
    }
    List<Located> result = new ArrayList<>();
    if (map.containsKey("tenants")) {
      if (map.size() != 1 || !(map.get("tenants") instanceof List<?> list)) {
        throw ConfigException.of(name, null, "tenants", "expected a list of tenants and no other top-level key");
      }
      for (Object entry : list) {
        result.add(new Located(name, parseTenant(name, entry)));
      }
    } else {
      result.add(new Located(name, parseTenant(name, map)));
    }
    return result;
  }

  private TenantConfig parseTenant(String file, Object node) {
    String tenant = node instanceof Map<?, ?> m && m.get("tenant_id") instanceof String s ? s : null;
    try {
      YamlFields fields = YamlFields.of("", node, List.of(
          "tenant_id", "display_name", "active", "source", "accounts", "tag_keys", "budget", "idle", "anomalies"));
      return new TenantConfig(
          fields.requiredString("tenant_id"),
          fields.optionalString("display_name").orElse(null),
          fields.optionalBoolean("active").orElse(true),
          nested("source", () -> parseSource(fields.requiredObject("source"))),
          nested("accounts", () -> parseAccounts(fields.optionalMap("accounts"))),
          fields.optionalStringList("tag_keys"),
          nested("budget", () -> fields.optionalObject("budget").map(this::parseBudget)),
          nested("idle", () -> fields.optionalObject("idle").map(this::parseIdle).orElse(null)),
          nested("anomalies", () -> fields.optionalObject("anomalies").map(this::parseAnomalies).orElse(null)));
    } catch (InvalidFieldException e) {
      throw ConfigException.of(file, tenant, e.field(), e.problem());
    }
  }

  private SourceConfig parseSource(YamlFields source) {
    source.allowOnly(List.of("path", "format", "freshness_sla_hours"));
    return new SourceConfig(
        SourceLocation.parse("path", source.requiredString("path"), projectRoot),
        source.optionalString("format").map(f -> SourceFormat.parse("format", f)),
        source.requiredInt("freshness_sla_hours"));
  }

  private Map<String, AccountInfo> parseAccounts(Map<String, Object> raw) {
    Map<String, AccountInfo> accounts = new LinkedHashMap<>();
    raw.forEach((id, value) -> {
      YamlFields account = YamlFields.of("accounts." + id, value, List.of("name", "business_unit"));
      accounts.put(id, new AccountInfo(id, account.requiredString("name"), account.requiredString("business_unit")));
    });
    return accounts;
  }

  private BudgetConfig parseBudget(YamlFields budget) {
    budget.allowOnly(List.of("monthly_usd", "warn_percent"));
    return new BudgetConfig(budget.requiredDecimal("monthly_usd"), budget.optionalInt("warn_percent").orElse(80));
  }

  private IdleThresholds parseIdle(YamlFields idle) {
    idle.allowOnly(List.of("nat_min_gb_per_month", "lb_min_lcu_hours_per_month", "ebs_min_days_without_instance",
        "snapshot_max_age_days", "min_monthly_waste_usd"));
    IdleThresholds d = IdleThresholds.DEFAULTS;
    return new IdleThresholds(
        idle.optionalDouble("nat_min_gb_per_month").orElse(d.natMinGbPerMonth()),
        idle.optionalDouble("lb_min_lcu_hours_per_month").orElse(d.lbMinLcuHoursPerMonth()),
        idle.optionalInt("ebs_min_days_without_instance").orElse(d.ebsMinDaysWithoutInstance()),
        idle.optionalInt("snapshot_max_age_days").orElse(d.snapshotMaxAgeDays()),
        idle.optionalDouble("min_monthly_waste_usd").orElse(d.minMonthlyWasteUsd()));
  }

  private AnomalyConfig parseAnomalies(YamlFields anomalies) {
    anomalies.allowOnly(List.of("min_impact_usd", "sensitivity"));
    AnomalyConfig d = AnomalyConfig.DEFAULTS;
    return new AnomalyConfig(anomalies.optionalDouble("min_impact_usd").orElse(d.minImpactUsd()),
        anomalies.optionalDouble("sensitivity").orElse(d.sensitivity()));
  }

  private static <T> T nested(String parent, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidFieldException e) {
      if (e.field().equals(parent) || e.field().startsWith(parent + ".")) {
        throw e;
      }
      throw e.under(parent);
    }
  }

  private static void checkAcrossTenants(List<Located> tenants) {
    for (int i = 0; i < tenants.size(); i++) {
      for (int j = 0; j < i; j++) {
        Located a = tenants.get(j);
        Located b = tenants.get(i);
        if (a.tenant().id().equals(b.tenant().id())) {
          throw ConfigException.of(b.file(), b.tenant().id(), "tenant_id",
              "duplicate tenant id, already defined in " + a.file());
        }
        if (a.tenant().source().location().overlaps(b.tenant().source().location())) {
          throw ConfigException.of(b.file(), b.tenant().id(), "source.path",
              "'" + b.tenant().source().location() + "' overlaps the source of tenant '" + a.tenant().id()
                  + "' (" + a.file() + "): a tenant may only read its own data");
        }
      }
    }
  }

}
