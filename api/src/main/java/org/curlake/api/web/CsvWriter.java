package org.curlake.api.web;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Writes a list of records as CSV (RFC 4180): a header of the record's component names, one line per
 * record. Text starting with a spreadsheet formula character is prefixed with a quote.
 */
public final class CsvWriter {
  private CsvWriter() {}

  public static String write(List<?> rows, Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < components.length; i++) {
      csv.append(i == 0 ? "" : ",").append(components[i].getName());
    }
    csv.append("\r\n");
    for (Object row : rows) {
      for (int i = 0; i < components.length; i++) {
        csv.append(i == 0 ? "" : ",").append(field(value(components[i], row)));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static Object value(RecordComponent component, Object row) {
    try {
      return component.getAccessor().invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("reading " + component.getName() + " of " + row.getClass().getSimpleName(), e);
    }
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    if (value instanceof CharSequence && !text.isEmpty() && "=+@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
