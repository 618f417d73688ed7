package org.curlake.jobs.ingest;

import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * One column of the bronze CUR table.
 *
 * @param name the canonical name (CUR 2.0 naming)
 * @param type the bronze type the source value is cast to
 * @param required a period whose files lack this column fails ingest
 * @param sources where the value may come from, first present wins: a top-level column name, or
 *     {@code map.key} for a value inside a map column (CUR 2.0 {@code product} map)
 */
public record CanonicalColumn(String name, DataType type, boolean required, List<String> sources) {
  public CanonicalColumn {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("column " + name + " needs at least one source");
    }
    sources = List.copyOf(sources);
  }
}
