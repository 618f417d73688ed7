package org.curlake.jobs.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.curate.ModelRunner;
import org.curlake.jobs.curate.SqlModel;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.spark.LaunchSettings;

/**
 * Backtest of fct_cost_forecast on a tenant's history: every month that has a month before it is
 * forecast from the data as of days 7, 14 and 21 of the month (month_end horizon) and as of the
 * previous month's last day (next_month horizon), and compared with its actual total amortized
 * cost, as are the two naive baselines the model carries. Replaces the tenant's partition of
 * {@code marts.fct_forecast_backtest}.
 */
public final class ForecastBacktest {
  /** Days of the month the month-end forecast is made on. */
  public static final List<Integer> AS_OF_DAYS = List.of(7, 14, 21);

  public static final StructType SCHEMA = new StructType()
      .add("tenant_id", DataTypes.StringType, false)
      .add("target_period", DataTypes.StringType, false)
      .add("horizon", DataTypes.StringType, false)
      .add("as_of_date", DataTypes.DateType, false)
      .add("as_of_day", DataTypes.IntegerType, false)
      .add("actual_usd", DataTypes.DoubleType, false)
      .add("forecast_usd", DataTypes.DoubleType, false)
      .add("lower_usd", DataTypes.DoubleType, false)
      .add("upper_usd", DataTypes.DoubleType, false)
      .add("naive_last_month_usd", DataTypes.DoubleType, false)
      .add("naive_run_rate_usd", DataTypes.DoubleType, false)
      .add("ape_forecast", DataTypes.DoubleType, true)
      .add("ape_naive_last_month", DataTypes.DoubleType, true)
      .add("ape_naive_run_rate", DataTypes.DoubleType, true)
      .add("within_interval", DataTypes.BooleanType, false);

  /**
   * Adaptive query execution is off for the backtest: its forecasts read the cached daily totals
   * (a few rows per service and day), and AQE made every reference to that cached relation a query
   * stage of its own, re-planned after each. On an evaluation tenant (two months), the four forecasts
   * took 14–17 s with it and 7–10 s without it (README, Benchmarks).
   */
  static final Map<String, String> SETTINGS = Map.of("spark.sql.adaptive.enabled", "false");

  private final SparkSession spark;
  private final PartitionWriter lake;
  private final ModelRunner models;

  /** Runs in a session of its own on {@code spark}'s context, with {@link #SETTINGS} unless given at launch. */
  public ForecastBacktest(SparkSession spark, String lakeRoot) {
    this.spark = spark.newSession();
    settings(spark.sparkContext().getConf()).forEach(this.spark.conf()::set);
    this.lake = new PartitionWriter(this.spark, lakeRoot);
    this.models = new ModelRunner(this.spark);
  }

  /** {@link #SETTINGS} but those the launch configuration sets ({@code spark-submit --conf}, {@code -Dspark.*}). */
  static Map<String, String> settings(SparkConf launch) {
    return LaunchSettings.unlessLaunched(SETTINGS, launch);
  }

  /** The session the backtest plans its queries in. */
  SparkSession session() {
    return spark;
  }

  /** Backtests one tenant, writes its rows and returns them (empty with under two months of data). */
  public List<BacktestRow> run(String tenantId) {
    Dataset<Row> daily = lake.read(LakeTable.FCT_COST_DAILY)
        .orElseThrow(() -> new IllegalStateException("no fct_cost_daily yet: run curate first"))
        .where(col("tenant_id").equalTo(lit(tenantId)))
        .groupBy("tenant_id", "billing_period", "usage_date", "product_code", "service_name", "charge_category")
        .agg(sum("amortized_cost").as("amortized_cost"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      models.input("fct_cost_daily", daily);
      Map<YearMonth, Double> actuals = new TreeMap<>();
      for (Row row : daily.groupBy("billing_period").agg(sum("amortized_cost")).collectAsList()) {
        actuals.put(YearMonth.parse(row.getString(0)), row.getDecimal(1).doubleValue());
      }
      List<BacktestRow> rows = new ArrayList<>();
      SqlModel forecast = SqlModel.load("fct_cost_forecast");
      for (YearMonth target : actuals.keySet()) {
        if (!actuals.containsKey(target.minusMonths(1))) {
          continue;
        }
        double actual = actuals.get(target);
        for (int day : AS_OF_DAYS) {
          rows.add(forecastAsOf(forecast, tenantId, target, target.atDay(day), day, "month_end", actual));
        }
        rows.add(forecastAsOf(forecast, tenantId, target, target.minusMonths(1).atEndOfMonth(), 0, "next_month",
            actual));
      }
      List<Row> written = rows.stream().map(BacktestRow::toRow).toList();
      lake.replace(LakeTable.FCT_FORECAST_BACKTEST, spark.createDataFrame(written, SCHEMA), Map.of("tenant_id", tenantId),
          "forecast backtest tenant " + tenantId);
      return List.copyOf(rows);
    } finally {
      daily.unpersist();
    }
  }

  private BacktestRow forecastAsOf(SqlModel forecast, String tenantId, YearMonth target, LocalDate asOf, int day,
      String horizon, double actual) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("tenant_id", tenantId);
    parameters.put("billing_period", YearMonth.from(asOf).toString());
    parameters.put("as_of_date", asOf.toString());
    List<Row> total = models.run(forecast, parameters)
        .where(col("scope").equalTo("tenant").and(col("horizon").equalTo(horizon)))
        .select("forecast_usd", "lower_usd", "upper_usd", "naive_last_month_usd", "naive_run_rate_usd")
        .collectAsList();
    if (total.size() != 1) {
      throw new IllegalStateException("tenant '" + tenantId + "': no " + horizon + " forecast as of " + asOf);
    }
    Row r = total.get(0);
    return new BacktestRow(tenantId, target.toString(), horizon, asOf, day, actual, r.getDouble(0), r.getDouble(1),
        r.getDouble(2), r.getDouble(3), r.getDouble(4));
  }

  /** One backtested forecast against the actual. */
  public record BacktestRow(String tenantId, String targetPeriod, String horizon, LocalDate asOf, int asOfDay,
      double actualUsd, double forecastUsd, double lowerUsd, double upperUsd, double naiveLastMonthUsd,
      double naiveRunRateUsd) {

    /** Absolute percentage error of a prediction; null when the actual is 0. */
    public Double ape(double predicted) {
      return actualUsd == 0 ? null : Math.abs(predicted - actualUsd) / Math.abs(actualUsd) * 100;
    }

    public boolean withinInterval() {
      return actualUsd >= lowerUsd && actualUsd <= upperUsd;
    }

    Row toRow() {
      return RowFactory.create(tenantId, targetPeriod, horizon, java.sql.Date.valueOf(asOf), asOfDay, actualUsd,
          forecastUsd, lowerUsd, upperUsd, naiveLastMonthUsd, naiveRunRateUsd, ape(forecastUsd),
          ape(naiveLastMonthUsd), ape(naiveRunRateUsd), withinInterval());
    }
  }
}
