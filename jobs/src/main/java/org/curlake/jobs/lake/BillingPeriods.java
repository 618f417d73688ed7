package org.curlake.jobs.lake;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The billing periods present in a table's rows (a partition column: read from the partitions). */
public final class BillingPeriods {
  private BillingPeriods() {}

  /** The distinct {@code billing_period} values of {@code rows}, in order. */
  public static List<String> of(Dataset<Row> rows) {
    return rows.select("billing_period").distinct().orderBy("billing_period").collectAsList()
        .stream().map(row -> row.getString(0)).toList();
  }
}
