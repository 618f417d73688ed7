package org.curlake.jobs.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.lake.TableChecksum;

/** The lines the demo ends with: per-tenant cost totals and a content checksum of every data table. */
public final class DemoSummary {
  /** Tables whose content must be identical when the demo runs twice (run logs are not). */
  public static final List<LakeTable> DATA_TABLES = List.of(LakeTable.CUR_LINE_ITEMS, LakeTable.FCT_COST_DAILY,
      LakeTable.FCT_COST_BY_TAG, LakeTable.FCT_COST_MONTHLY, LakeTable.DIM_ACCOUNTS, LakeTable.DIM_SERVICES,
      LakeTable.FOCUS_COSTS, LakeTable.QUARANTINE, LakeTable.FCT_IDLE_RESOURCES, LakeTable.BUDGET_STATUS,
      LakeTable.FCT_COST_FORECAST, LakeTable.FCT_COST_ANOMALIES, LakeTable.FCT_COST_ANOMALY_DRIVERS);

  private DemoSummary() {}

  public static List<String> lines(PartitionWriter lake) {
    List<String> lines = new ArrayList<>();
    lake.read(LakeTable.FCT_COST_DAILY).ifPresent(daily -> {
      Dataset<Row> totals = daily.groupBy("tenant_id", "billing_period")
          .agg(sum("line_item_count"), sum("unblended_cost"), sum("amortized_cost"), sum("net_amortized_cost"))
          .orderBy("tenant_id", "billing_period");
      for (Row row : totals.collectAsList()) {
        lines.add(String.format(Locale.ROOT,
            "total tenant=%s period=%s line_items=%d unblended_usd=%s amortized_usd=%s net_amortized_usd=%s",
            row.getString(0), row.getString(1), row.getLong(2), usd(row.getDecimal(3)), usd(row.getDecimal(4)),
            row.isNullAt(5) ? "-" : usd(row.getDecimal(5))));
      }
    });
    for (LakeTable table : DATA_TABLES) {
      lake.read(table).ifPresent(rows -> lines.add("table " + table.layer() + "." + table.tableName() + " "
          + TableChecksum.of(rows)));
    }
    return lines;
  }

  private static String usd(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
