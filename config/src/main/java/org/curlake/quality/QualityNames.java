package org.curlake.quality;

import java.util.regex.Pattern;
import org.curlake.config.InvalidFieldException;

/** The shapes rule ids and column names must have (they end up in tables and Spark column references). */
final class QualityNames {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,63}");
  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]{0,127}");

  private QualityNames() {}

  static void requireId(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new InvalidFieldException(field, "'" + value + "' is not a valid id (lowercase letters, digits, '_')");
    }
  }

  static void requireColumn(String field, String value) {
    if (value == null || !COLUMN.matcher(value).matches()) {
      throw new InvalidFieldException(field, "'" + value + "' is not a valid column name");
    }
  }
}
