package org.curlake.jobs.ingest;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import org.curlake.config.SourceFormat;

/** Tells the export format of a CUR file from its columns. */
public final class SourceFormatDetector {
  private SourceFormatDetector() {}

  public static Optional<SourceFormat> detect(StructType schema) {
    Set<String> names = Arrays.stream(schema.fieldNames()).collect(Collectors.toSet());
    if (names.contains("BilledCost") && names.contains("ChargePeriodStart")) {
      return Optional.of(SourceFormat.FOCUS);
    }
    if (names.stream().noneMatch(n -> n.startsWith("line_item_") || n.startsWith("bill_"))) {
      return Optional.empty();
    }
    boolean tagMap = names.contains(CanonicalSchema.RESOURCE_TAGS)
        && schema.apply(CanonicalSchema.RESOURCE_TAGS).dataType() instanceof MapType;
    boolean productMap = names.contains("product") && schema.apply("product").dataType() instanceof MapType;
    if (tagMap || productMap || names.contains("product_region_code")) {
      return Optional.of(SourceFormat.CUR2);
    }
    return Optional.of(SourceFormat.LEGACY_CUR);
  }
}
