package org.curlake.jobs.curate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One SQL model: a SELECT in {@code sql/<layer>/<name>.sql}, shipped in the jobs jar. The layer
 * follows from the name's prefix: {@code stg_} staging, {@code int_} intermediate, else marts.
 *
 * @param name the model's name, also the temporary view later models select from
 * @param layer staging, intermediate or marts
 * @param sql the statement; values are passed as named parameters ({@code :tenant_id}), never spliced in
 */
public record SqlModel(String name, String layer, String sql) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public SqlModel {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid model name '" + name + "'");
    }
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("model " + name + " has no SQL");
    }
  }

  public static String layerOf(String name) {
    if (name.startsWith("stg_")) {
      return "staging";
    }
    if (name.startsWith("int_")) {
      return "intermediate";
    }
    return "marts";
  }

  /** The model from the classpath ({@code sql/<layer>/<name>.sql}). */
  public static SqlModel load(String name) {
    String layer = layerOf(name);
    String resource = "sql/" + layer + "/" + name + ".sql";
    try (InputStream in = SqlModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("SQL model " + name + " not found on the classpath at " + resource);
      }
      return new SqlModel(name, layer, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read SQL model " + resource, e);
    }
  }
}
