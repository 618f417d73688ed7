package org.curlake.jobs.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.curlake.config.SourceFormat;

/**
 * What inspecting a period's files before reading them found.
 *
 * @param delivery the files
 * @param format the export format, configured or detected from the columns
 * @param rowsIn rows in the files, from their Parquet footers
 * @param fileSchemas each file's Spark schema, by path
 */
public record DeliveryInspection(
    PeriodDelivery delivery, SourceFormat format, long rowsIn, Map<String, StructType> fileSchemas) {

  public DeliveryInspection {
    fileSchemas = Map.copyOf(fileSchemas);
  }

  public List<String> paths() {
    return delivery.paths();
  }

  /** The files grouped by identical schema (in path order), so each group is one scan. */
  public Map<StructType, List<String>> filesBySchema() {
    Map<StructType, List<String>> groups = new LinkedHashMap<>();
    for (String path : delivery.paths()) {
      groups.computeIfAbsent(fileSchemas.get(path), s -> new ArrayList<>()).add(path);
    }
    return groups;
  }
}
