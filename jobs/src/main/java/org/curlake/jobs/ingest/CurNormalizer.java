package org.curlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Normalises raw CUR rows (legacy Athena-style Parquet or CUR 2.0) to {@link CanonicalSchema}: one
 * pure {@code Dataset<Row> -> Dataset<Row>} function with no I/O. Columns a month lacks (schema
 * drift) become typed nulls; legacy {@code resource_tags_*} columns and the CUR 2.0
 * {@code resource_tags} map both become one {@code resource_tags} map without empty values.
 */
public final class CurNormalizer {
  public static final MapType TAG_MAP = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);

  private CurNormalizer() {}

  public static Dataset<Row> normalize(Dataset<Row> raw, String tenant, BillingPeriod period) {
    StructType schema = raw.schema();
    List<Column> columns = new ArrayList<>();
    columns.add(lit(tenant).as(CanonicalSchema.TENANT_ID));
    columns.add(lit(period.toString()).as(CanonicalSchema.BILLING_PERIOD));
    for (CanonicalColumn column : CanonicalSchema.columns()) {
      Column source = source(schema, column);
      Column value = column.type().equals(CanonicalSchema.MONEY) ? MoneyCast.cast(source, column.name())
          : source.cast(column.type());
      columns.add(value.as(column.name()));
    }
    columns.add(tags(schema).as(CanonicalSchema.RESOURCE_TAGS));
    columns.add(input_file_name().as(CanonicalSchema.SOURCE_FILE));
    return raw.select(columns.toArray(Column[]::new));
  }

  /** The bronze schema, as {@link #normalize} produces it. */
  public static StructType bronzeSchema() {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(CanonicalSchema.TENANT_ID, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(CanonicalSchema.BILLING_PERIOD, DataTypes.StringType, false));
    for (CanonicalColumn column : CanonicalSchema.columns()) {
      fields.add(DataTypes.createStructField(column.name(), column.type(), true));
    }
    fields.add(DataTypes.createStructField(CanonicalSchema.RESOURCE_TAGS, TAG_MAP, true));
    fields.add(DataTypes.createStructField(CanonicalSchema.SOURCE_FILE, DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }

  private static Column source(StructType schema, CanonicalColumn column) {
    for (String source : column.sources()) {
      int dot = source.indexOf('.');
      if (dot > 0) {
        String mapColumn = source.substring(0, dot);
        if (has(schema, mapColumn) && schema.apply(mapColumn).dataType() instanceof MapType) {
          return col(mapColumn).getItem(source.substring(dot + 1));
        }
      } else if (has(schema, source)) {
        return col(source);
      }
    }
    return lit(null);
  }

  private static Column tags(StructType schema) {
    Optional<StructField> tagMap = Arrays.stream(schema.fields())
        .filter(f -> f.name().equals(CanonicalSchema.RESOURCE_TAGS) && f.dataType() instanceof MapType)
        .findFirst();
    Column tags;
    if (tagMap.isPresent()) {
      tags = col(CanonicalSchema.RESOURCE_TAGS).cast(TAG_MAP);
    } else {
      List<Column> keyValues = new ArrayList<>();
      for (StructField field : schema.fields()) {
        if (field.name().startsWith(CanonicalSchema.LEGACY_TAG_PREFIX) && field.dataType() instanceof StringType) {
          keyValues.add(lit(field.name().substring(CanonicalSchema.LEGACY_TAG_PREFIX.length())));
          keyValues.add(col(field.name()));
        }
      }
      if (keyValues.isEmpty()) {
        return map().cast(TAG_MAP);
      }
      tags = map(keyValues.toArray(Column[]::new));
    }
    return map_filter(tags, (key, value) -> value.isNotNull().and(value.notEqual(lit(""))));
  }

  private static boolean has(StructType schema, String name) {
    return Arrays.asList(schema.fieldNames()).contains(name);
  }
}
