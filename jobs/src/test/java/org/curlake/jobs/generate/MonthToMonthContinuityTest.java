package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;
import org.curlake.jobs.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * A real bill carries on across a month boundary: the same resources, about as many line items and
 * about the same cost a day. The anomaly detector reads a new month's first days against the last
 * month's, so a generator that redrew its resources every month, or gave February as many line items
 * as January, would make every 1st of the month look anomalous.
 */
class MonthToMonthContinuityTest {
  private static final GeneratorSpec SPEC = new GeneratorSpec("acme", SourceFormat.CUR2, 42, YearMonth.of(2025, 1),
      2, 8_000, 3, Grain.DAILY);

  @Test
  void aMonthCarriesOnIntoTheNext() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> usage = SyntheticCur.month(spark, SPEC, YearMonth.of(2025, 1))
        .unionByName(SyntheticCur.month(spark, SPEC, YearMonth.of(2025, 2)))
        .where(col("line_item_line_item_type").isin(UsageLines.USAGE, UsageLines.DISCOUNTED, UsageLines.COVERED))
        .select(to_date(col("line_item_usage_start_date")).as("day"), col("line_item_resource_id"),
            col("line_item_unblended_cost"), col("pricing_public_on_demand_cost"))
        .cache();
    try {
      Map<LocalDate, long[]> perDay = new TreeMap<>();
      Map<LocalDate, Double> costPerDay = new TreeMap<>();
      for (Row r : usage.groupBy("day").agg(count("*"), sum("pricing_public_on_demand_cost")).collectAsList()) {
        perDay.put(r.getDate(0).toLocalDate(), new long[] {r.getLong(1)});
        costPerDay.put(r.getDate(0).toLocalDate(), r.getDouble(2));
      }
      double january = meanLines(perDay, 1);
      double february = meanLines(perDay, 2);
      assertTrue(Math.abs(february / january - 1) < 0.03,
          "usage line items a day, February / January = " + february / january);

      double lowest = costPerDay.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double highest = costPerDay.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      assertTrue(highest / lowest < 1.5, "on-demand value of a day's usage swings " + lowest + " .. " + highest);

      double acrossTheBoundary = jaccard(resources(usage, "2025-01-31"), resources(usage, "2025-02-01"));
      double withinTheMonth = jaccard(resources(usage, "2025-01-30"), resources(usage, "2025-01-31"));
      assertTrue(acrossTheBoundary >= 0.9 * withinTheMonth, "resources running on Jan 31 and on Feb 1: overlap "
          + acrossTheBoundary + ", against " + withinTheMonth + " between Jan 30 and Jan 31");
    } finally {
      usage.unpersist();
    }
  }

  private static double meanLines(Map<LocalDate, long[]> perDay, int month) {
    return perDay.entrySet().stream().filter(e -> e.getKey().getMonthValue() == month)
        .mapToLong(e -> e.getValue()[0]).average().orElseThrow();
  }

  private static Set<String> resources(Dataset<Row> usage, String day) {
    List<Row> rows = usage.where(col("day").equalTo(java.sql.Date.valueOf(day))).select("line_item_resource_id")
        .distinct().collectAsList();
    Set<String> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r.getString(0)));
    return ids;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return union.isEmpty() ? 0 : both.size() / (double) union.size();
  }
}
