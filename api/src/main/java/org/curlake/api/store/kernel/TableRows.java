package org.curlake.api.store.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rows of one Delta table (for one tenant) held in memory as plain Java values: strings,
 * {@link BigDecimal}, {@link LocalDate}, {@link Instant}, numbers, booleans and string lists.
 */
public record TableRows(long version, Map<String, Integer> columns, List<Object[]> rows) {

  public static TableRows empty() {
    return new TableRows(-1, Map.of(), List.of());
  }

  /** The position of a column; fails naming the column when the table does not have it. */
  public int column(String name) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new IllegalStateException("column '" + name + "' is not in the table (has " + columns.keySet() + ")");
    }
    return index;
  }

  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }
}
