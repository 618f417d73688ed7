package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;
import org.curlake.jobs.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * A cost event on a reserved service (RDS) moves its amortized cost by at least the injected factor:
 * usage beyond the reservations is billed on demand, the reservations and their fees do not change.
 */
class DemandShapeTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);
  private static final LocalDate SPIKE = MARCH.atDay(12);
  private static final double FACTOR = 2.5;

  @Test
  void aSpikeOnAReservedServiceMovesItsAmortizedCostByTheFactor() {
    // 8,000 rows: about 120 resources running every day, some of them reservation-covered RDS instances.
    GeneratorSpec spec = new GeneratorSpec("acme", SourceFormat.CUR2, 7, MARCH, 1, 8000, 4, Grain.DAILY);
    SparkSession session = SyntheticCur.generatorSession(SharedSpark.session());
    session.conf().set("spark.sql.codegen.wholeStage", "false");
    InjectionSpec spike = new InjectionSpec(0, 1,
        List.of(new CostEvent(CostEvent.Kind.SPIKE, "AmazonRDS", SPIKE, 1, FACTOR)), List.of());
    Dataset<Row> plain = SyntheticCur.month(session, spec, MARCH);
    SyntheticCur.GeneratedMonth injected = SyntheticCur.month(session, spec, MARCH, spike);
    Dataset<Row> lines = injected.lines().cache();
    try {
      double reservedBefore = rdsCost(plain, SPIKE, col("line_item_line_item_type").equalTo("DiscountedUsage"));
      assertTrue(reservedBefore > 0, "the test month has RDS usage covered by reservations");
      double before = rdsCost(plain, SPIKE, lit(true));
      double after = rdsCost(lines, SPIKE, lit(true));
      assertTrue(after >= FACTOR * before, "RDS cost on the spike day " + after + " vs " + before + " before");
      assertEquals(rdsCost(plain, SPIKE.plusDays(1), lit(true)), rdsCost(lines, SPIKE.plusDays(1), lit(true)), 1e-6,
          "the day after the spike is unchanged");

      Column beyond = col("line_item_line_item_type").equalTo("Usage").and(col("pricing_term").equalTo("OnDemand"))
          .and(col("line_item_unblended_rate").equalTo(col("pricing_public_on_demand_rate")));
      assertEquals(rdsCost(plain, SPIKE, col("line_item_line_item_type").equalTo("DiscountedUsage")),
          rdsCost(lines, SPIKE, col("line_item_line_item_type").equalTo("DiscountedUsage")), 1e-6,
          "reservations do not grow with a spike");
      assertTrue(rdsCost(lines, SPIKE, beyond) > rdsCost(plain, SPIKE, beyond));
      assertEquals(fees(plain), fees(lines), 1e-6, "the commitments' fees are unchanged");
      assertEquals(plain.count() + injected.injectedRows(), lines.count(), "the extra lines are counted as injected");
      assertEquals(lines.count(), lines.select("identity_line_item_id").distinct().count(), "line item ids stay unique");
    } finally {
      lines.unpersist();
    }
  }

  /** RDS amortized cost of the lines matching {@code which} on {@code day} (the CUDOS rules, usage lines only). */
  private static double rdsCost(Dataset<Row> month, LocalDate day, Column which) {
    Column type = col("line_item_line_item_type");
    Column amortized = when(type.equalTo("DiscountedUsage"), col("reservation_effective_cost"))
        .when(type.equalTo("SavingsPlanCoveredUsage"), col("savings_plan_savings_plan_effective_cost"))
        .when(type.equalTo("SavingsPlanNegation"), lit(0.0))
        .otherwise(col("line_item_unblended_cost"));
    Row total = month.where(col("line_item_product_code").equalTo("AmazonRDS")
            .and(to_date(col("line_item_usage_start_date")).equalTo(lit(day.toString()).cast("date")))
            .and(type.isin("Usage", "DiscountedUsage", "SavingsPlanCoveredUsage", "SavingsPlanNegation")).and(which))
        .agg(sum(amortized)).first();
    return total.isNullAt(0) ? 0.0 : total.getDouble(0);
  }

  private static double fees(Dataset<Row> month) {
    Row total = month.where(col("line_item_line_item_type").isin("RIFee", "SavingsPlanRecurringFee"))
        .agg(sum(coalesce(col("line_item_unblended_cost"), lit(0.0)).plus(
            coalesce(col("reservation_unused_quantity"), lit(0.0))))).first();
    return total.getDouble(0);
  }
}
