package org.curlake.jobs.lake;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The billing periods present in a table's rows, and how many rows each holds. {@code billing_period}
 * is a partition column: both read the partitions and no data column.
 */
public final class BillingPeriods {
  private BillingPeriods() {}

  /** The distinct {@code billing_period} values of {@code rows}, in order. */
  public static List<String> of(Dataset<Row> rows) {
    return rows.select("billing_period").distinct().orderBy("billing_period").collectAsList()
        .stream().map(row -> row.getString(0)).toList();
  }

  /** The number of rows per {@code billing_period} of {@code rows}; a period without rows has no entry. */
  public static Map<String, Long> rowCounts(Dataset<Row> rows) {
    Map<String, Long> counts = new TreeMap<>();
    rows.groupBy("billing_period").count().collectAsList()
        .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
    return counts;
  }
}
