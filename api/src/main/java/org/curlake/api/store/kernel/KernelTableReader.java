package org.curlake.api.store.kernel;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one Delta table with Delta Kernel (no Spark): the latest version, and the rows of one tenant
 * (optionally one billing period), pruning files by their partition values. Counts its scans and
 * the Parquet files it opened, so tests can prove that cached versions are never re-read.
 */
final class KernelTableReader {
  private final Engine engine;
  private final AtomicLong scans = new AtomicLong();
  private final AtomicLong filesRead = new AtomicLong();

  KernelTableReader(Engine engine) {
    this.engine = engine;
  }

  /** The table's latest version, or empty when no table exists at the location yet. */
  OptionalLong latestVersion(String location) {
    try {
      return OptionalLong.of(Table.forPath(engine, location).getLatestSnapshot(engine).getVersion(engine));
    } catch (TableNotFoundException e) {
      return OptionalLong.empty();
    }
  }

  /** The rows of the tenant (and period, when given) at the given version. */
  TableRows read(String location, long version, List<String> partitionColumns, String tenant, Optional<String> period) {
    scans.incrementAndGet();
    Snapshot snapshot = Table.forPath(engine, location).getSnapshotAsOfVersion(engine, version);
    StructType schema = snapshot.getSchema(engine);
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < schema.length(); i++) {
      columns.put(schema.at(i).getName(), i);
    }
    Scan scan = snapshot.getScanBuilder(engine).withFilter(engine, partitionFilter(partitionColumns, tenant, period)).build();
    Row scanState = scan.getScanState(engine);
    StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(engine, scanState);
    List<Object[]> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> fileRows = scanFiles.next().getRows()) {
          while (fileRows.hasNext()) {
            Row scanFile = fileRows.next();
            if (!matches(InternalScanFileUtils.getPartitionValues(scanFile), tenant, period)) {
              continue;
            }
            readFile(scanState, scanFile, physicalSchema, schema, rows);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + location + " version " + version + ": " + e.getMessage(), e);
    }
    return new TableRows(version, Map.copyOf(columns), List.copyOf(rows));
  }

  long scans() {
    return scans.get();
  }

  long filesRead() {
    return filesRead.get();
  }

  private void readFile(Row scanState, Row scanFile, StructType physicalSchema, StructType schema, List<Object[]> rows)
      throws IOException {
    filesRead.incrementAndGet();
    FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
    CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
        .readParquetFiles(Utils.singletonCloseableIterator(file), physicalSchema, Optional.empty());
    try (CloseableIterator<FilteredColumnarBatch> data = Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
      while (data.hasNext()) {
        try (CloseableIterator<Row> batchRows = data.next().getRows()) {
          while (batchRows.hasNext()) {
            Row row = batchRows.next();
            Object[] values = new Object[schema.length()];
            for (int i = 0; i < values.length; i++) {
              values[i] = value(row, i, schema.at(i));
            }
            rows.add(values);
          }
        }
      }
    }
  }

  /** Kernel prunes on the predicate where it can; the partition values are checked again here. */
  private static boolean matches(Map<String, String> partition, String tenant, Optional<String> period) {
    String tenantValue = partition.get("tenant_id");
    if (tenantValue != null && !tenantValue.equals(tenant)) {
      return false;
    }
    String periodValue = partition.get("billing_period");
    return period.isEmpty() || periodValue == null || periodValue.equals(period.get());
  }

  private static Predicate partitionFilter(List<String> partitionColumns, String tenant, Optional<String> period) {
    Predicate filter = new Predicate("=", new Column("tenant_id"), Literal.ofString(tenant));
    if (period.isPresent() && partitionColumns.contains("billing_period")) {
      filter = new Predicate("AND", filter, new Predicate("=", new Column("billing_period"), Literal.ofString(period.get())));
    }
    return filter;
  }

  private static Object value(Row row, int i, StructField field) {
    if (row.isNullAt(i)) {
      return null;
    }
    DataType type = field.getDataType();
    if (type instanceof StringType) {
      return row.getString(i);
    } else if (type instanceof DecimalType) {
      return row.getDecimal(i);
    } else if (type instanceof DateType) {
      return LocalDate.ofEpochDay(row.getInt(i));
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      long micros = row.getLong(i);
      return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    } else if (type instanceof LongType) {
      return row.getLong(i);
    } else if (type instanceof IntegerType) {
      return (long) row.getInt(i);
    } else if (type instanceof DoubleType) {
      return row.getDouble(i);
    } else if (type instanceof FloatType) {
      return (double) row.getFloat(i);
    } else if (type instanceof BooleanType) {
      return row.getBoolean(i);
    } else if (type instanceof ArrayType array && array.getElementType() instanceof StringType) {
      ArrayValue values = row.getArray(i);
      List<String> list = new ArrayList<>();
      for (int j = 0; j < values.getSize(); j++) {
        list.add(values.getElements().isNullAt(j) ? null : values.getElements().getString(j));
      }
      return List.copyOf(list.stream().filter(v -> v != null).toList());
    }
    return null; // maps and structs are not served by the API
  }
}
