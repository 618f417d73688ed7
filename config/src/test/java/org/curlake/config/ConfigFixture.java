package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away project root for loader tests: YAML files go to {@code <root>/config/tenants/}, so
 * error messages name them as {@code config/tenants/<name>}.
 */
final class ConfigFixture {
  private final Path root;

  ConfigFixture(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  Path configDir() {
    return root.resolve("config");
  }

  /** Writes {@code config/tenants/<fileName>} and returns this fixture for chaining. */
  ConfigFixture write(String fileName, String yaml) {
    Path file = configDir().resolve("tenants").resolve(fileName);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Writes {@code config/tenants/<id>.yaml} with a minimal valid tenant reading {@code path}. */
  ConfigFixture tenant(String id, String path) {
    return write(id + ".yaml", minimal(id, path));
  }

  Tenants load() {
    return new TenantConfigLoader(configDir()).load();
  }

  /** Loads, expects a {@link ConfigException}, and returns its message. */
  String loadError() {
    return assertThrows(ConfigException.class, this::load).getMessage();
  }

  /** A minimal valid tenant document. */
  static String minimal(String id, String path) {
    return """
        tenant_id: %s
        source:
          path: %s
          freshness_sla_hours: 24
        """.formatted(id, path);
  }

  /** A minimal tenant with extra top-level YAML appended (must end with a newline). */
  static String minimalWith(String id, String extraYaml) {
    return minimal(id, "landing/" + id) + extraYaml;
  }
}
