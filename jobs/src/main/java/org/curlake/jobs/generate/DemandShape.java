package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scales a month's on-demand usage line items (line item type Usage) by a factor per service and
 * day: the injection's growth and weekend dip times its cost events' factors. Amounts and costs are
 * scaled together, so rates stay. The factors are computed on the driver, one literal array per
 * service, and looked up by the line's day (epoch seconds / 86400: independent of the time zone).
 */
final class DemandShape {
  private static final String[] SCALED = {"line_item_usage_amount", "line_item_normalized_usage_amount",
      "line_item_unblended_cost", "line_item_blended_cost", "pricing_public_on_demand_cost"};
  private static final double DAYS_PER_MONTH = 365.25 / 12;

  private DemandShape() {}

  static Dataset<Row> apply(Dataset<Row> usage, GeneratorSpec spec, YearMonth period, InjectionSpec injection) {
    LocalDate first = period.atDay(1);
    Column dayIndex = floor(col("line_item_usage_start_date").cast("long").divide(86_400L)).minus(first.toEpochDay());
    Column productCode = col("line_item_product_code");
    Column factor = null;
    for (Map.Entry<String, double[]> service : eventFactors(spec, period, injection).entrySet()) {
      Column lookup = org.apache.spark.sql.functions.get(lit(service.getValue()), dayIndex.cast("int"));
      factor = factor == null ? when(productCode.equalTo(service.getKey()), lookup)
          : factor.when(productCode.equalTo(service.getKey()), lookup);
    }
    Column base = org.apache.spark.sql.functions.get(lit(baseFactors(spec, period, injection)), dayIndex.cast("int"));
    factor = factor == null ? base : factor.otherwise(base);
    Column usageLine = col("line_item_line_item_type").equalTo(UsageLines.USAGE);
    Map<String, Column> scaled = new LinkedHashMap<>();
    for (String name : SCALED) {
      scaled.put(name, when(usageLine, round(col(name).multiply(factor), 10)).otherwise(col(name)));
    }
    return usage.withColumns(scaled);
  }

  /** Growth and weekend dip per day of the period. */
  static double[] baseFactors(GeneratorSpec spec, YearMonth period, InjectionSpec injection) {
    double[] factors = new double[period.lengthOfMonth()];
    for (int d = 0; d < factors.length; d++) {
      LocalDate day = period.atDay(d + 1);
      double months = (day.toEpochDay() - spec.firstPeriod().atDay(1).toEpochDay()) / DAYS_PER_MONTH;
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      factors[d] = Math.pow(1 + injection.monthlyGrowth(), months) * (weekend ? injection.weekendFactor() : 1.0);
    }
    return factors;
  }

  /** The base factors times every event's factor, per service an event touches. */
  private static Map<String, double[]> eventFactors(GeneratorSpec spec, YearMonth period, InjectionSpec injection) {
    Map<String, double[]> result = new LinkedHashMap<>();
    for (CostEvent event : injection.events()) {
      double[] factors = result.computeIfAbsent(event.productCode(), k -> baseFactors(spec, period, injection));
      for (int d = 0; d < factors.length; d++) {
        factors[d] *= event.factorOn(period.atDay(d + 1));
      }
    }
    return result;
  }
}
