package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
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
 *
 * <p>A cost event multiplies the service's whole usage, not only its on-demand part: commitments do
 * not grow with a spike, so the usage beyond a covered line (DiscountedUsage of a reservation,
 * SavingsPlanCoveredUsage) is billed on demand, as an extra Usage line of the same resource
 * ({@link #beyondCommitments}). Without it, an event on a mostly reserved service (RDS) barely
 * changes its cost and the ground truth would label a change the data does not contain.
 */
final class DemandShape {
  private static final String[] SCALED = {"line_item_usage_amount", "line_item_normalized_usage_amount",
      "line_item_unblended_cost", "line_item_blended_cost", "pricing_public_on_demand_cost"};
  private static final double DAYS_PER_MONTH = 365.25 / 12;
  /** Row ids of the on-demand usage beyond commitments: above the generator's, below InjectedLines'. */
  static final long BEYOND_ROW_ID_BASE = 8_000_000_000_000L;
  private static final String EXCESS = "beyond_commitment_factor";

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

  /**
   * For every covered usage line (reservation or Savings Plan) of a service on a day its cost events
   * multiply by f > 1, an on-demand Usage line for the (f - 1) x amount the commitment does not cover,
   * at the public on-demand rate; row ids {@link #BEYOND_ROW_ID_BASE} + the covered line's. The
   * commitment's own lines and fees are unchanged. Empty without events on covered services.
   */
  static Dataset<Row> beyondCommitments(Dataset<Row> usage, YearMonth period, InjectionSpec injection) {
    LocalDate first = period.atDay(1);
    Column dayIndex = floor(col("line_item_usage_start_date").cast("long").divide(86_400L)).minus(first.toEpochDay());
    Column productCode = col("line_item_product_code");
    Column excess = lit(0.0);
    for (Map.Entry<String, double[]> service : excessFactors(period, injection).entrySet()) {
      excess = when(productCode.equalTo(service.getKey()),
          org.apache.spark.sql.functions.get(lit(service.getValue()), dayIndex.cast("int"))).otherwise(excess);
    }
    Column type = col("line_item_line_item_type");
    Column discounted = type.equalTo(UsageLines.DISCOUNTED);
    Dataset<Row> covered = usage.withColumn(EXCESS, excess)
        .where(discounted.or(type.equalTo(UsageLines.COVERED)).and(col(EXCESS).gt(0)));
    Column amount = round(col("line_item_usage_amount").multiply(col(EXCESS)), 10);
    Column onDemandRate = col("pricing_public_on_demand_rate");
    Column cost = round(amount.multiply(onDemandRate), 10);
    Map<String, Column> v = new LinkedHashMap<>();
    v.put("row_id", col("row_id").plus(BEYOND_ROW_ID_BASE));
    v.put("line_item_line_item_type", lit(UsageLines.USAGE));
    v.put("line_item_usage_amount", amount);
    v.put("line_item_normalized_usage_amount", round(col("line_item_normalized_usage_amount").multiply(col(EXCESS)), 10));
    v.put("line_item_unblended_rate", onDemandRate);
    v.put("line_item_unblended_cost", cost);
    v.put("line_item_blended_rate", onDemandRate);
    v.put("line_item_blended_cost", cost);
    v.put("pricing_public_on_demand_cost", cost);
    v.put("pricing_term", lit("OnDemand"));
    v.put("line_item_line_item_description", when(discounted, regexp_replace(col("line_item_line_item_description"),
        " reserved instance applied$", " instance hour, on demand beyond the reservation"))
        .otherwise(col("line_item_line_item_description")));
    for (String name : usage.columns()) {
      if (name.startsWith("reservation_") || name.startsWith("savings_plan_") || name.equals("fee_step")
          || name.equals("pricing_purchase_option") || name.equals("pricing_lease_contract_length")
          || name.equals("pricing_offering_class")) {
        v.put(name, lit(null).cast(usage.schema().apply(name).dataType()));
      }
    }
    return covered.withColumns(v).drop(EXCESS);
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

  /** Per service an event touches: the product of its events' factors minus 1 per day, where above 0. */
  private static Map<String, double[]> excessFactors(YearMonth period, InjectionSpec injection) {
    Map<String, double[]> result = new LinkedHashMap<>();
    for (CostEvent event : injection.events()) {
      double[] factors = result.computeIfAbsent(event.productCode(), k -> {
        double[] ones = new double[period.lengthOfMonth()];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
      });
      for (int d = 0; d < factors.length; d++) {
        factors[d] *= event.factorOn(period.atDay(d + 1));
      }
    }
    result.replaceAll((service, factors) -> java.util.Arrays.stream(factors).map(f -> Math.max(0, f - 1)).toArray());
    return result;
  }
}
