package org.curlake.jobs.ingest;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;

/**
 * Casts a source amount to bronze money ({@link CanonicalSchema#MONEY}) and refuses an amount that does
 * not fit. Spark's cast turns NaN, an infinity or an amount too large for the type into a silent null;
 * here the row fails the delivery instead, with an error naming the column, the amount and the file (a
 * money column that loses a value must never be ingested as if it had none). Non-numeric text (a legacy
 * CUR rate written as "") still casts to null, as before.
 */
public final class MoneyCast {
  /** Error messages of a refused amount start with this, so the ingest job can find them in Spark's error. */
  public static final String DOES_NOT_FIT = "amount does not fit bronze money";
  /** The smallest magnitude that does not fit {@link CanonicalSchema#MONEY}. */
  public static final BigDecimal LIMIT = BigDecimal.TEN.pow(
      CanonicalSchema.MONEY.precision() - CanonicalSchema.MONEY.scale());

  private MoneyCast() {}

  /** {@code source} (numeric or text) as bronze money, failing the row when its magnitude is {@link #LIMIT} or more. */
  public static Column cast(Column source, String column) {
    // Compared as a double: a decimal source within a rounding of the limit is refused rather than
    // rounded into it. NaN and the infinities compare as larger than any number, so they are refused.
    Column tooLarge = abs(source.cast("double")).geq(lit(LIMIT.doubleValue()));
    Column message = concat(lit(DOES_NOT_FIT + ": " + column + " = "), source.cast("string"),
        lit(" in file "), input_file_name(), lit(" (" + CanonicalSchema.MONEY.simpleString()
            + " holds finite amounts below " + LIMIT.toPlainString() + " per line item)"));
    return when(tooLarge, raise_error(message)).otherwise(source.cast(CanonicalSchema.MONEY));
  }
}
