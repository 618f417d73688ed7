package org.curlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.spark.SparkErrors;
import org.junit.jupiter.api.Test;

class MoneyCastTest {
  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> amounts(Double... values) {
    return spark.createDataset(java.util.Arrays.asList(values), Encoders.DOUBLE()).toDF("amount");
  }

  private List<BigDecimal> cast(Dataset<Row> amounts) {
    return amounts.select(MoneyCast.cast(col("amount"), "amount")).collectAsList().stream()
        .map(row -> row.isNullAt(0) ? null : row.getDecimal(0)).toList();
  }

  @Test
  void amountsBelowTheLimitKeepTenDecimalsAndCreditsKeepTheirSign() {
    List<BigDecimal> money = cast(amounts(0.0000000123, -5.25, 250_000_000.5, -1.0e19, null));
    assertEquals(new BigDecimal("0.0000000123"), money.get(0));
    assertEquals(new BigDecimal("-5.2500000000"), money.get(1));
    assertEquals(new BigDecimal("250000000.5000000000"), money.get(2));
    assertEquals(new BigDecimal("-10000000000000000000.0000000000"), money.get(3));
    assertNull(money.get(4), "a missing amount stays missing");
    assertEquals(CanonicalSchema.MONEY,
        amounts(1.0).select(MoneyCast.cast(col("amount"), "amount")).schema().fields()[0].dataType());
  }

  @Test
  void anAmountThatDoesNotFitFailsNamingTheColumnAndTheAmountInsteadOfBecomingNull() {
    for (double tooLarge : new double[] {1.0e20, -2.5e21, Double.NaN, Double.POSITIVE_INFINITY}) {
      Exception error = assertThrows(Exception.class, () -> cast(amounts(1.0, tooLarge)));
      String raised = SparkErrors.raised(error, MoneyCast.DOES_NOT_FIT).orElseThrow(() -> new AssertionError(error));
      assertTrue(raised.startsWith("amount does not fit bronze money: amount = " + tooLarge + " in file "), raised);
      assertTrue(raised.endsWith("(decimal(30,10) holds finite amounts below 100000000000000000000 per line item)"),
          raised);
    }
  }

  @Test
  void textThatIsNotANumberStillCastsToNullAsLegacyRatesNeed() {
    Dataset<Row> rates = spark.createDataset(List.of("0.026", "", "n/a"), Encoders.STRING()).toDF("amount");
    List<BigDecimal> money = cast(rates);
    assertEquals(new BigDecimal("0.0260000000"), money.get(0));
    assertNull(money.get(1));
    assertNull(money.get(2));
  }
}
