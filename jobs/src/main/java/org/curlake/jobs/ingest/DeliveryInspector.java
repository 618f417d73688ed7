package org.curlake.jobs.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.curlake.config.SourceFormat;
import org.curlake.jobs.spark.SparkErrors;

/**
 * Checks every file of a period before any of it is read: each must be a readable Parquet file
 * carrying the required columns with usable types, and all must be in one export format. A
 * problem fails the period with a message naming the file, so one bad delivery never reaches
 * bronze.
 */
public final class DeliveryInspector {
  private final SparkSession spark;
  private final Configuration hadoopConf;

  public DeliveryInspector(SparkSession spark, Configuration hadoopConf) {
    this.spark = spark;
    this.hadoopConf = hadoopConf;
  }

  public DeliveryInspection inspect(String tenant, PeriodDelivery delivery, Optional<SourceFormat> configured) {
    BillingPeriod period = delivery.period();
    if (delivery.files().isEmpty()) {
      throw new IngestFailure(tenant, period, null, "empty period: no Parquet files delivered");
    }
    long rows = 0;
    SourceFormat format = configured.orElse(null);
    List<String> formats = new ArrayList<>();
    Map<String, StructType> schemas = new HashMap<>();
    Map<String, String> filesByContent = new HashMap<>();
    for (SourceFile file : delivery.files()) {
      Footer footer = footer(tenant, period, file.path());
      rows += footer.rows();
      if (footer.rows() > 0) {
        String twin = filesByContent.putIfAbsent(footer.contentKey(), file.path());
        if (twin != null) {
          throw new IngestFailure(tenant, period, file.path(), "duplicate delivery: the file has the same row "
              + "groups as " + twin + " (ingesting both would count every line item twice)");
        }
      }
      StructType schema = sparkSchema(tenant, period, file.path());
      schemas.put(file.path(), schema);
      SourceFormat detected = SourceFormatDetector.detect(schema)
          .orElseThrow(() -> new IngestFailure(tenant, period, file.path(),
              "columns match no known CUR export format (legacy CUR, CUR 2.0, FOCUS)"));
      if (format == null) {
        format = detected;
      } else if (format != detected) {
        throw new IngestFailure(tenant, period, file.path(), "file is in " + detected.configName()
            + " format but the period is " + format.configName()
            + (configured.isPresent() ? " (configured)" : " (detected from " + formats.get(0) + ")"));
      }
      formats.add(file.path());
      SchemaCompatibility.check(schema, format).ifPresent(problem -> {
        throw new IngestFailure(tenant, period, file.path(), problem);
      });
    }
    if (rows == 0) {
      throw new IngestFailure(tenant, period, null, "empty period: the delivered files hold no rows");
    }
    return new DeliveryInspection(delivery, format, rows, schemas);
  }

  /** What a file's Parquet footer says: its rows, and a key that is equal for files with the same content. */
  private record Footer(long rows, String contentKey) {}

  private Footer footer(String tenant, BillingPeriod period, String path) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(path), hadoopConf))) {
      List<BlockMetaData> blocks = reader.getFooter().getBlocks();
      StringBuilder key = new StringBuilder();
      for (BlockMetaData block : blocks) {
        key.append(block.getRowCount()).append('/').append(block.getTotalByteSize());
        block.getColumns().forEach(column -> key.append(';').append(column.getPath()).append('=')
            .append(column.getTotalSize()).append(':').append(column.getStatistics()));
        key.append('\n');
      }
      return new Footer(blocks.stream().mapToLong(BlockMetaData::getRowCount).sum(), key.toString());
    } catch (IOException | RuntimeException e) {
      throw new IngestFailure(tenant, period, path, "not a readable Parquet file ("
          + SparkErrors.summary(e) + ")", e);
    }
  }

  private StructType sparkSchema(String tenant, BillingPeriod period, String path) {
    try {
      return spark.read().parquet(path).schema();
    } catch (Exception e) {
      throw new IngestFailure(tenant, period, path, "cannot read the Parquet schema (" + SparkErrors.summary(e) + ")", e);
    }
  }
}
