package org.curlake.jobs.lake;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * An order-independent fingerprint of a table's content: row count plus the sum of a 64-bit hash of
 * every row. Two tables with the same rows (in any order, in any files) have the same checksum; used
 * to show that re-runs produce identical tables.
 *
 * @param rows the row count
 * @param checksum the sum of the rows' hashes
 */
public record TableChecksum(long rows, BigDecimal checksum) {
  public static TableChecksum of(Dataset<Row> table) {
    List<Column> hashed = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      Column column = col("`" + field.name() + "`");
      // Maps are not hashable and their entry order is not defined: hash their sorted entries.
      hashed.add(field.dataType() instanceof MapType ? array_sort(map_entries(column)) : column);
    }
    Row result = table
        .select(xxhash64(hashed.toArray(Column[]::new)).cast(DataTypes.createDecimalType(38, 0)).as("h"))
        .agg(count(lit(1)), sum(col("h")))
        .first();
    BigDecimal checksum = result.isNullAt(1) ? BigDecimal.ZERO : result.getDecimal(1);
    return new TableChecksum(result.getLong(0), checksum);
  }

  @Override
  public String toString() {
    return "rows=" + rows + " checksum=" + checksum.toPlainString();
  }
}
