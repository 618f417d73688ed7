package org.curlake.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Loads a YAML config file safely (plain data only, duplicate keys refused). */
public final class YamlDocuments {
  private YamlDocuments() {}

  /**
   * @param file the file to read
   * @param name how errors name the file (relative to the project root)
   */
  public static Object load(Path file, String name) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      return new Yaml(new SafeConstructor(options)).load(reader);
    } catch (IOException e) {
      throw ConfigException.of(name, null, null, "cannot read: " + e.getMessage());
    } catch (YAMLException e) {
      throw ConfigException.of(name, null, null, "not valid YAML: " + e.getMessage().replace('\n', ' '));
    }
  }

  /** Wraps a field problem with the file (and tenant, if any) it was found in. */
  public static ConfigException problem(String file, String tenant, InvalidFieldException e) {
    return ConfigException.of(file, tenant, e.field(), e.problem());
  }
}
