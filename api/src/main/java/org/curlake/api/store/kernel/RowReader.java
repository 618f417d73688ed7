package org.curlake.api.store.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Typed access to the columns of {@link TableRows} by name. */
final class RowReader {
  private final TableRows rows;

  RowReader(TableRows rows) {
    this.rows = rows;
  }

  Object value(Object[] row, String column) {
    return row[rows.column(column)];
  }

  String string(Object[] row, String column) {
    return (String) value(row, column);
  }

  BigDecimal decimal(Object[] row, String column) {
    Object value = value(row, column);
    return value instanceof Double d ? BigDecimal.valueOf(d) : (BigDecimal) value;
  }

  LocalDate date(Object[] row, String column) {
    return (LocalDate) value(row, column);
  }

  Instant instant(Object[] row, String column) {
    return (Instant) value(row, column);
  }

  Double doubleOrNull(Object[] row, String column) {
    Object value = value(row, column);
    return value == null ? null : ((Number) value).doubleValue();
  }

  double doubleValue(Object[] row, String column) {
    Object value = value(row, column);
    return value == null ? 0.0 : ((Number) value).doubleValue();
  }

  long longValue(Object[] row, String column) {
    Object value = value(row, column);
    return value == null ? 0L : ((Number) value).longValue();
  }
}
