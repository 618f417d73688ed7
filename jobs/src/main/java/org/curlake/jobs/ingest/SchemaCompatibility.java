package org.curlake.jobs.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.curlake.config.SourceFormat;

/**
 * Whether one file's columns can be normalised to {@link CanonicalSchema}: every required column is
 * present, and every present column has a type that casts to the canonical type without silently
 * turning values into nulls.
 */
public final class SchemaCompatibility {
  private SchemaCompatibility() {}

  /** The problem with this schema, or empty when it can be ingested. */
  public static Optional<String> check(StructType schema, SourceFormat format) {
    if (format == SourceFormat.FOCUS) {
      return checkFocus(schema);
    }
    List<String> missing = new ArrayList<>();
    List<String> wrongTypes = new ArrayList<>();
    for (CanonicalColumn column : CanonicalSchema.columns()) {
      Optional<DataType> source = sourceType(schema, column);
      if (source.isEmpty()) {
        if (column.required()) {
          missing.add(column.name());
        }
        continue;
      }
      if (!castable(source.get(), column)) {
        wrongTypes.add(column.name() + " is " + source.get().simpleString()
            + ", expected " + column.type().simpleString());
      }
    }
    if (!missing.isEmpty()) {
      return Optional.of("missing required column(s) " + missing);
    }
    if (!wrongTypes.isEmpty()) {
      return Optional.of("wrong column type(s): " + String.join("; ", wrongTypes));
    }
    return Optional.empty();
  }

  /** The FOCUS columns ingest needs, and the types they must have. */
  private static final java.util.Map<String, String> FOCUS_REQUIRED = new java.util.LinkedHashMap<>();

  static {
    FOCUS_REQUIRED.put("BilledCost", "numeric");
    FOCUS_REQUIRED.put("EffectiveCost", "numeric");
    FOCUS_REQUIRED.put("ChargeCategory", "string");
    FOCUS_REQUIRED.put("ChargePeriodStart", "timestamp");
    FOCUS_REQUIRED.put("ChargePeriodEnd", "timestamp");
    FOCUS_REQUIRED.put("BillingPeriodStart", "timestamp");
    FOCUS_REQUIRED.put("BillingAccountId", "string");
    FOCUS_REQUIRED.put("SubAccountId", "string");
    FOCUS_REQUIRED.put("ServiceName", "string");
  }

  private static Optional<String> checkFocus(StructType schema) {
    List<String> missing = new ArrayList<>();
    List<String> wrongTypes = new ArrayList<>();
    FOCUS_REQUIRED.forEach((name, kind) -> {
      Optional<StructField> field = field(schema, name);
      if (field.isEmpty()) {
        missing.add(name);
        return;
      }
      DataType type = field.get().dataType();
      boolean ok = switch (kind) {
        case "numeric" -> type instanceof NumericType;
        case "timestamp" -> type instanceof TimestampType || type instanceof TimestampNTZType;
        default -> type instanceof StringType;
      };
      if (!ok) {
        wrongTypes.add(name + " is " + type.simpleString() + ", expected " + kind);
      }
    });
    if (!missing.isEmpty()) {
      return Optional.of("missing required FOCUS column(s) " + missing);
    }
    return wrongTypes.isEmpty() ? Optional.empty()
        : Optional.of("wrong column type(s): " + String.join("; ", wrongTypes));
  }

  /** The type of the first source of {@code column} that the schema has. */
  static Optional<DataType> sourceType(StructType schema, CanonicalColumn column) {
    for (String source : column.sources()) {
      int dot = source.indexOf('.');
      if (dot > 0) {
        Optional<StructField> map = field(schema, source.substring(0, dot));
        if (map.isPresent() && map.get().dataType() instanceof MapType mapType) {
          return Optional.of(mapType.valueType());
        }
      } else {
        Optional<StructField> field = field(schema, source);
        if (field.isPresent()) {
          return Optional.of(field.get().dataType());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<StructField> field(StructType schema, String name) {
    for (StructField field : schema.fields()) {
      if (field.name().equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  private static boolean castable(DataType source, CanonicalColumn column) {
    DataType target = column.type();
    if (target instanceof StringType) {
      return source instanceof StringType || source instanceof NumericType;
    }
    if (target instanceof NumericType) {
      // Legacy CUR stores rates as strings ("0.026"); other numeric columns must be numeric.
      return source instanceof NumericType || (source instanceof StringType && column.name().endsWith("_rate"));
    }
    if (target instanceof TimestampType) {
      return source instanceof TimestampType || source instanceof TimestampNTZType || source instanceof DateType;
    }
    return source.sameType(target);
  }
}
