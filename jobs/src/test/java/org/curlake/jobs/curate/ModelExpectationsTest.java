package org.curlake.jobs.curate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.ingest.CurNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * One parameterised test over every SQL model: its fixtures (input rows → expected rows) and its
 * keys, not-null columns and accepted values, all read from the .yml beside the model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelExpectationsTest {
  private static final List<String> MODELS = ModelExpectations.MODELS;
  private final SparkSession spark = SharedSpark.session();
  private final ModelRunner runner = new ModelRunner(spark);
  /** Every view the models read, as its schema (found by running the chain on empty inputs). */
  private final Map<String, StructType> viewSchemas = new LinkedHashMap<>();

  @BeforeAll
  void schemasOfEveryView() {
    register("bronze_cur_line_items", CurNormalizer.bronzeSchema());
    register("tenant_accounts", TenantDimensions.ACCOUNTS);
    register("tenant_tag_keys", TenantDimensions.TAG_KEYS);
    register("bronze_cur_line_items_history", CurNormalizer.bronzeSchema());
    register("tenant_budgets", org.curlake.jobs.analytics.AnalyticsParameters.TENANT_BUDGETS);
    for (String model : MODELS) {
      viewSchemas.put(model, nullable(runner.run(SqlModel.load(model), parameters(ModelExpectations.load(model))).schema()));
    }
  }

  private void register(String view, StructType schema) {
    viewSchemas.put(view, nullable(schema));
    runner.input(view, spark.createDataFrame(List.of(), schema));
  }

  /** Fixture rows name only the columns a case needs; every other column is null. */
  private static StructType nullable(StructType schema) {
    StructType result = new StructType();
    for (StructField field : schema.fields()) {
      result = result.add(field.name(), field.dataType(), true);
    }
    return result;
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("MODELS")
  void modelMeetsItsExpectations(String model) {
    ModelExpectations expected = ModelExpectations.load(model);
    assertFalse(expected.fixtures().isEmpty(), model + " has no fixtures");
    for (ModelExpectations.Fixture fixture : expected.fixtures()) {
      String context = model + " / " + fixture.name();
      viewSchemas.forEach((view, schema) -> runner.input(view, spark.createDataFrame(List.of(), schema)));
      fixture.inputs().forEach((view, rows) -> {
        assertTrue(viewSchemas.containsKey(view), context + ": unknown input view " + view);
        runner.input(view, rows(viewSchemas.get(view), rows, context + " / " + view));
      });
      Map<String, Object> parameters = parameters(expected);
      parameters.putAll(fixture.parameters());
      Dataset<Row> output = materialized(runner.run(SqlModel.load(model), parameters));
      ModelAssertions.assertRows(fixture.expect(), output, context);
      ModelAssertions.assertKeysNotNullAndAcceptedValues(expected, output, context);
    }
  }

  /**
   * The model's rows computed once, as a local relation: the assertions then query these rows instead of
   * optimising and running the model's whole plan again for each key, not-null and accepted-values check.
   */
  private Dataset<Row> materialized(Dataset<Row> output) {
    return spark.createDataFrame(output.collectAsList(), output.schema());
  }

  /** The tenant and period every fixture runs for, plus the parameters the model's .yml declares. */
  private static Map<String, Object> parameters(ModelExpectations expected) {
    Map<String, Object> parameters = new HashMap<>(Map.of("tenant_id", "t1", "billing_period", "2024-01"));
    parameters.putAll(expected.parameters());
    return parameters;
  }

  private Dataset<Row> rows(StructType schema, List<Map<String, Object>> rows, String context) {
    List<Row> result = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      row.keySet().forEach(column -> assertTrue(List.of(schema.fieldNames()).contains(column),
          context + ": the view has no column " + column));
      Object[] values = new Object[schema.fields().length];
      for (int i = 0; i < values.length; i++) {
        StructField field = schema.fields()[i];
        values[i] = convert(row.get(field.name()), field.dataType());
      }
      result.add(RowFactory.create(values));
    }
    return spark.createDataFrame(result, schema);
  }

  private static Object convert(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type instanceof DecimalType) {
      return new BigDecimal(value.toString());
    }
    if (type.equals(DataTypes.DoubleType)) {
      return ((Number) value).doubleValue();
    }
    if (type.equals(DataTypes.LongType)) {
      return ((Number) value).longValue();
    }
    if (type.equals(DataTypes.IntegerType)) {
      return ((Number) value).intValue();
    }
    if (type.equals(DataTypes.DateType)) {
      return Date.valueOf(value.toString());
    }
    if (type.equals(DataTypes.TimestampType)) {
      return Timestamp.valueOf(value.toString());
    }
    if (type.equals(DataTypes.StringType)) {
      return value.toString();
    }
    return value;
  }
}
