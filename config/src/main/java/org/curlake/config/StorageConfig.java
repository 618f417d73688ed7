package org.curlake.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the jobs reach S3 ({@code config/storage.yaml}): the standard s3a connection settings, never
 * credentials. Credentials come from the AWS default provider chain (environment variables, the
 * shared credentials file and profile, web identity, container and instance roles).
 *
 * @param s3Endpoint an S3-compatible endpoint to use instead of AWS (http(s)://host[:port]), or empty
 * @param pathStyleAccess address buckets as {@code endpoint/bucket/key} instead of virtual hosts
 * @param region the region to sign requests for, or empty for the s3a default
 */
public record StorageConfig(Optional<URI> s3Endpoint, boolean pathStyleAccess, Optional<String> region) {
  public static final String FILE = "storage.yaml";
  /** The AWS SDK v1 default chain, the one hadoop-aws 3.3 can load. */
  public static final String CREDENTIALS_PROVIDER = "com.amazonaws.auth.DefaultAWSCredentialsProviderChain";
  public static final StorageConfig DEFAULTS = new StorageConfig(Optional.empty(), false, Optional.empty());
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  public StorageConfig {
    s3Endpoint.ifPresent(url -> checkEndpoint("s3.endpoint", url));
    region.ifPresent(r -> checkRegion("s3.region", r));
  }

  /** An AWS region name such as us-east-1 (also used for the CloudWatch config). */
  static void checkRegion(String field, String region) {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new InvalidFieldException(field, "'" + region + "' is not an AWS region name such as us-east-1");
    }
  }

  /** An AWS service endpoint override: http(s)://host[:port], no credentials, path or query. */
  static void checkEndpoint(String field, URI url) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
      throw new InvalidFieldException(field, "'" + url + "' is not an http(s)://host[:port] URL");
    }
    if (url.getRawUserInfo() != null) {
      throw new InvalidFieldException(field, "must not carry credentials: they come from the AWS "
          + "default credentials chain");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null
        || url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")) {
      throw new InvalidFieldException(field, "'" + url + "' must be only scheme, host and port");
    }
  }

  /** The configured storage; the AWS defaults when the file is absent. */
  public static StorageConfig load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return DEFAULTS;
    }
    String name = "config/" + FILE;
    try {
      YamlFields root = YamlFields.of("", YamlDocuments.load(file, name), List.of("s3"));
      Optional<YamlFields> s3 = root.optionalObject("s3");
      if (s3.isEmpty()) {
        return DEFAULTS;
      }
      YamlFields fields = s3.get();
      fields.allowOnly(List.of("endpoint", "path_style_access", "region"));
      Optional<URI> endpoint;
      try {
        endpoint = fields.optionalString("endpoint").filter(s -> !s.isBlank()).map(String::strip).map(URI::create);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("s3.endpoint", "is not a valid URL: " + e.getMessage());
      }
      return new StorageConfig(endpoint, fields.optionalBoolean("path_style_access").orElse(false),
          fields.optionalString("region").filter(s -> !s.isBlank()));
    } catch (InvalidFieldException e) {
      throw YamlDocuments.problem(name, null, e);
    }
  }

  /**
   * The Hadoop s3a settings ({@code fs.s3a.*}) for this storage: endpoint, path style, region, TLS
   * and the default credentials chain. No secret is ever among them.
   */
  public Map<String, String> hadoopSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fs.s3a.aws.credentials.provider", CREDENTIALS_PROVIDER);
    settings.put("fs.s3a.path.style.access", String.valueOf(pathStyleAccess));
    s3Endpoint.ifPresent(url -> {
      String text = url.toString();
      settings.put("fs.s3a.endpoint", text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      settings.put("fs.s3a.connection.ssl.enabled", String.valueOf("https".equals(url.getScheme())));
    });
    region.ifPresent(r -> settings.put("fs.s3a.endpoint.region", r));
    return settings;
  }
}
