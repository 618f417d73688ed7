package org.curlake.config;

import java.util.regex.Pattern;

/**
 * A tenant id is used in file paths, Delta partition values and Trino schema names
 * ({@code cur_<tenant>}), so it is restricted to lowercase letters, digits and underscores.
 */
public final class TenantId {
  public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9_]{1,39}");

  private TenantId() {}

  public static String validate(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    if (!PATTERN.matcher(value).matches()) {
      throw new InvalidFieldException(field,
          "'" + value + "' is not a safe tenant id: use 2-40 lowercase letters, digits or '_', starting with a letter");
    }
    return value;
  }

  public static boolean isValid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }
}
