package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Checks a model's output against its expectations: keys, not-null columns, accepted values, expected rows. */
final class ModelAssertions {
  private ModelAssertions() {}

  static void assertKeysNotNullAndAcceptedValues(ModelExpectations expected, Dataset<Row> output, String context) {
    if (!expected.keys().isEmpty()) {
      Column[] keys = expected.keys().stream().map(k -> col("`" + k + "`")).toArray(Column[]::new);
      long duplicates = output.groupBy(keys).count().where("count > 1").count();
      assertEquals(0, duplicates, context + ": key " + expected.keys() + " is not unique");
    }
    for (String column : expected.notNull()) {
      assertEquals(0, output.where(col("`" + column + "`").isNull()).count(), context + ": " + column + " has nulls");
    }
    expected.acceptedValues().forEach((column, values) -> {
      long others = output.where(col("`" + column + "`").isNotNull()
          .and(col("`" + column + "`").isin(values.toArray()).unary_$bang())).count();
      assertEquals(0, others, context + ": " + column + " has values outside " + values);
    });
  }

  /** Every expected row matches exactly one output row on the columns it names, and no row is left over. */
  static void assertRows(List<Map<String, Object>> expected, Dataset<Row> output, String context) {
    List<Row> actual = new ArrayList<>(output.collectAsList());
    List<String> columns = Arrays.asList(output.columns());
    assertEquals(expected.size(), actual.size(), context + ": row count; output was " + actual);
    for (Map<String, Object> want : expected) {
      want.keySet().forEach(c -> assertTrue(columns.contains(c), context + ": output has no column " + c));
      List<Row> matches = actual.stream().filter(row -> matches(want, row)).toList();
      assertEquals(1, matches.size(), context + ": expected exactly one row like " + want + " in " + actual);
      actual.remove(matches.get(0));
    }
  }

  private static boolean matches(Map<String, Object> want, Row row) {
    for (Map.Entry<String, Object> cell : want.entrySet()) {
      if (!same(cell.getValue(), row.getAs(cell.getKey()))) {
        return false;
      }
    }
    return true;
  }

  static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number && actual instanceof Number) {
      return new BigDecimal(expected.toString()).compareTo(new BigDecimal(actual.toString())) == 0;
    }
    if (actual instanceof java.sql.Timestamp || actual instanceof java.sql.Date) {
      return actual.toString().startsWith(expected.toString());
    }
    return String.valueOf(expected).equals(String.valueOf(actual));
  }
}
