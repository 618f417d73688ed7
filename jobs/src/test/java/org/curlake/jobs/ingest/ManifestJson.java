package org.curlake.jobs.ingest;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** CUR manifests as AWS writes them, for test deliveries (only the fields the reader relies on, plus a few). */
public final class ManifestJson {
  private static final DateTimeFormatter LEGACY_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private ManifestJson() {}

  /** The {@code yyyyMMdd-yyyyMMdd} folder of a legacy CUR billing period. */
  public static String legacyRangeFolder(YearMonth period) {
    return period.atDay(1).format(LEGACY_DAY) + "-" + period.plusMonths(1).atDay(1).format(LEGACY_DAY);
  }

  /** A legacy CUR manifest: reportKeys are object keys in {@code bucket}. */
  public static String legacy(String reportName, String assemblyId, YearMonth period, String bucket, List<String> keys) {
    return """
        {"assemblyId":"%s","account":"111122223333","charset":"UTF-8","compression":"Parquet",
         "contentType":"Parquet","reportId":"0f6e3b2a","reportName":"%s",
         "billingPeriod":{"start":"%sT000000.000Z","end":"%sT000000.000Z"},
         "bucket":"%s","reportKeys":[%s],"additionalArtifactKeys":[]}
        """.formatted(assemblyId, reportName, period.atDay(1).format(LEGACY_DAY),
        period.plusMonths(1).atDay(1).format(LEGACY_DAY), bucket, quoted(keys));
  }

  /** A CUR 2.0 (Data Exports) manifest: dataFiles are s3:// URIs. */
  public static String cur2(String exportName, String executionId, YearMonth period, List<String> dataFiles) {
    return """
        {"executionId":"%s","exportName":"%s",
         "billingPeriod":{"start":"%s-01T00:00:00.000Z","end":"%s-01T00:00:00.000Z"},
         "dataFiles":[%s],"columns":[{"name":"line_item_unblended_cost","type":"decimal"}]}
        """.formatted(executionId, exportName, period, period.plusMonths(1), quoted(dataFiles));
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
  }
}
