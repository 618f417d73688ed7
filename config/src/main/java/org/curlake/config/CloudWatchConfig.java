package org.curlake.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The optional CloudWatch utilization enrichment ({@code config/cloudwatch.yaml}): off for every
 * tenant unless the tenant is listed. Connection settings only; credentials come from the AWS
 * default credentials chain.
 *
 * @param tenants tenant id → where its EC2 metrics are read
 */
public record CloudWatchConfig(Map<String, Target> tenants) {
  public static final String FILE = "cloudwatch.yaml";

  /**
   * @param region the region of the tenant's instances
   * @param endpoint a CloudWatch endpoint override (VPC endpoint, tests), or empty for AWS's
   */
  public record Target(String region, Optional<URI> endpoint) {
    public Target {
      StorageConfig.checkRegion("region", region);
      endpoint.ifPresent(url -> StorageConfig.checkEndpoint("endpoint", url));
    }
  }

  public CloudWatchConfig {
    tenants.keySet().forEach(id -> TenantId.validate("tenants." + id, id));
    tenants = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tenants));
  }

  public static final CloudWatchConfig DISABLED = new CloudWatchConfig(Map.of());

  public Optional<Target> target(String tenantId) {
    return Optional.ofNullable(tenants.get(tenantId));
  }

  /** The configured enrichment; disabled for everyone when the file is absent. */
  public static CloudWatchConfig load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return DISABLED;
    }
    String name = "config/" + FILE;
    try {
      YamlFields root = YamlFields.of("", YamlDocuments.load(file, name), List.of("tenants"));
      Map<String, Target> targets = new TreeMap<>();
      root.optionalMap("tenants").forEach((id, node) -> {
        YamlFields fields = YamlFields.of("tenants." + id, node, List.of("region", "endpoint"));
        String region = fields.requiredString("region");
        Optional<String> endpoint = fields.optionalString("endpoint").filter(s -> !s.isBlank()).map(String::strip);
        try {
          targets.put(id, new Target(region, endpoint.map(URI::create)));
        } catch (InvalidFieldException e) {
          throw e.under("tenants." + id);
        } catch (IllegalArgumentException e) {
          throw new InvalidFieldException("tenants." + id + ".endpoint", "is not a valid URL: " + e.getMessage());
        }
      });
      return new CloudWatchConfig(targets);
    } catch (InvalidFieldException e) {
      throw YamlDocuments.problem(name, null, e);
    }
  }
}
