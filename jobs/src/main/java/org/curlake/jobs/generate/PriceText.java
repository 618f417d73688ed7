package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import org.apache.spark.sql.Column;

/** Prices as text, the way CUR writes them. Locale-independent (Spark formats with Locale.US). */
final class PriceText {
  private PriceText() {}

  /** A rate column's text: 0.0850000000 (10 decimals, as line_item_unblended_rate); null stays null. */
  static Column tenDecimals(Column rate) {
    return when(rate.isNotNull(), format_string("%.10f", rate));
  }

  /** A price inside a description: 0.085, 0.10, 0.0000166667 (trailing zeros dropped, at least 2 decimals). */
  static Column compact(Column rate) {
    return regexp_replace(format_string("%.10f", rate), COMPACT, "$1");
  }

  /** {@link #compact} on the driver, for catalog text. */
  static String compactText(double rate) {
    return String.format(Locale.ROOT, "%.10f", rate).replaceAll(COMPACT, "$1");
  }

  private static final String COMPACT = "(\\.\\d\\d\\d*?)0+$";
}
