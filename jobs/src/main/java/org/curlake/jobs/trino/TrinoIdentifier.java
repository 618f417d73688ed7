package org.curlake.jobs.trino;

import java.util.regex.Pattern;

/**
 * A catalog, schema, table or view name that goes into Trino SQL text. Trino cannot bind identifiers
 * as parameters, so every name is checked against a strict pattern and then double-quoted.
 */
public record TrinoIdentifier(String name) {
  private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public TrinoIdentifier {
    if (name == null || !SAFE.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a safe Trino identifier:"
          + " use 1-63 lowercase letters, digits or '_', starting with a letter");
    }
  }

  /** The name quoted for SQL text; the pattern admits no quote, so no escaping is needed. */
  public String quoted() {
    return '"' + name + '"';
  }

  @Override
  public String toString() {
    return name;
  }
}
