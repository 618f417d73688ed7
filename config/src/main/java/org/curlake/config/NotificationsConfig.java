package org.curlake.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where alerts go (config/notifications.yaml): SLA breaches, failed quality checks and budget
 * states are POSTed as JSON to the webhook, if one is configured.
 *
 * @param webhookUrl the http(s) endpoint, or empty to send nothing
 * @param timeoutSeconds connect and request timeout
 */
public record NotificationsConfig(Optional<URI> webhookUrl, int timeoutSeconds) {
  public static final String FILE = "notifications.yaml";

  public NotificationsConfig {
    webhookUrl.ifPresent(url -> {
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
        throw new InvalidFieldException("webhook_url", "'" + url + "' is not an http(s) URL");
      }
    });
    if (timeoutSeconds < 1 || timeoutSeconds > 120) {
      throw new InvalidFieldException("timeout_seconds", "must be between 1 and 120 (got " + timeoutSeconds + ")");
    }
  }

  /** The configured notifications; none when the file is absent. */
  public static NotificationsConfig load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new NotificationsConfig(Optional.empty(), 5);
    }
    String name = "config/" + FILE;
    try {
      YamlFields fields = YamlFields.of("", YamlDocuments.load(file, name), List.of("webhook_url", "timeout_seconds"));
      Optional<URI> url;
      try {
        url = fields.optionalString("webhook_url").filter(s -> !s.isBlank()).map(URI::create);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("webhook_url", "is not a valid URL: " + e.getMessage());
      }
      return new NotificationsConfig(url, fields.optionalInt("timeout_seconds").orElse(5));
    } catch (InvalidFieldException e) {
      throw YamlDocuments.problem(name, null, e);
    }
  }
}
