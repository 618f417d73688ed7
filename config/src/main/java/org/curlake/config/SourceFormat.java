package org.curlake.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The export format a tenant's CUR source is delivered in. */
public enum SourceFormat {
  /** Legacy CUR in Athena-style Parquet: snake_case columns, resource_tags_* columns, year=/month= folders. */
  LEGACY_CUR("legacy_cur"),
  /** CUR 2.0 data export: snake_case columns, resource_tags/product maps, BILLING_PERIOD= folders. */
  CUR2("cur2"),
  /** FOCUS 1.x data export: PascalCase FOCUS columns, BILLING_PERIOD= folders. */
  FOCUS("focus");

  private final String configName;

  SourceFormat(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static SourceFormat parse(String field, String value) {
    for (SourceFormat format : values()) {
      if (format.configName.equals(value)) {
        return format;
      }
    }
    throw new InvalidFieldException(field, "unknown format '" + value + "', expected one of "
        + Arrays.stream(values()).map(SourceFormat::configName).collect(Collectors.joining(", ")));
  }
}
