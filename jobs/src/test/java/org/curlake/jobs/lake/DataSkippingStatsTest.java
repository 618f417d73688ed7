package org.curlake.jobs.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.SharedSpark;
import org.junit.jupiter.api.Test;

/**
 * The line-item tables keep data-skipping statistics only of the columns their catalogue entry names
 * (the real ingest and curate jobs wrote them, on the WorkshopCUR lake), and the other tables keep
 * Delta's default: the statistics of every file in the log are read and their columns compared.
 */
class DataSkippingStatsTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void lineItemTablesCollectStatisticsOfTheirNamedColumnsOnly() {
    for (LakeTable table : List.of(LakeTable.CUR_LINE_ITEMS, LakeTable.FOCUS_COSTS)) {
      String location = table.location(WorkshopLake.path().toString());
      Map<String, String> properties = properties(location);
      assertEquals(String.join(",", table.statsColumns()), properties.get(PartitionWriter.STATS_COLUMNS),
          table.tableName() + " properties " + properties);
      Set<String> counted = statsColumns(location, "nullCount");
      assertEquals(new TreeSet<>(table.statsColumns()), counted, table.tableName() + ": columns with null counts");
      Set<String> ranged = statsColumns(location, "minValues");
      assertFalse(ranged.isEmpty(), table.tableName() + " has no min/max statistics at all");
      assertTrue(table.statsColumns().containsAll(ranged), table.tableName() + ": min/max of " + ranged);
    }
  }

  @Test
  void otherTablesKeepDeltasDefaultStatistics() {
    String location = LakeTable.FCT_COST_DAILY.location(WorkshopLake.path().toString());
    assertTrue(LakeTable.FCT_COST_DAILY.statsColumns().isEmpty());
    assertFalse(properties(location).containsKey(PartitionWriter.STATS_COLUMNS));
    // Delta's default covers the first 32 columns: every data column of this narrower table.
    int dataColumns = spark.read().format("delta").load(location).columns().length
        - LakeTable.FCT_COST_DAILY.partitionColumns().size();
    assertEquals(dataColumns, statsColumns(location, "nullCount").size());
  }

  private Map<String, String> properties(String location) {
    Row detail = io.delta.tables.DeltaTable.forPath(spark, location).detail().first();
    return detail.getJavaMap(detail.fieldIndex("properties"));
  }

  /** The union over the table's current files of the columns under {@code field} of their statistics. */
  private Set<String> statsColumns(String location, String field) {
    Dataset<Row> adds = spark.read().json(location + "/_delta_log/*.json").where(col("add").isNotNull())
        .select(col("add.path").as("path"), col("add.stats").as("stats"));
    Dataset<Row> removed = spark.read().json(location + "/_delta_log/*.json");
    List<String> gone = List.of(removed.columns()).contains("remove")
        ? removed.where(col("remove").isNotNull()).select("remove.path").as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList()
        : List.of();
    Set<String> columns = new TreeSet<>();
    adds.where(col("path").isin(gone.toArray()).unary_$bang())
        .select(explode(expr("json_object_keys(get_json_object(stats, '$." + field + "'))")).as("column"))
        .collectAsList().forEach(row -> columns.add(row.getString(0)));
    return columns;
  }
}
