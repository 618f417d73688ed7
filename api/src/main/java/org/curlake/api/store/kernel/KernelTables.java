package org.curlake.api.store.kernel;

import io.delta.kernel.defaults.engine.DefaultEngine;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.curlake.catalog.LakeTable;

/**
 * The lake's tables as Kernel reads them, cached per table version: a table's rows for a tenant are
 * read once per Delta version and served from memory until a new commit appears. The latest
 * version of a table is looked up at most once per {@code versionCheckInterval}.
 */
public final class KernelTables {
  private final String lakeRoot;
  private final KernelTableReader reader;
  private final long versionCheckNanos;
  private final ConcurrentHashMap<LakeTable, VersionCheck> versions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<RowsKey, TableRows> rows = new ConcurrentHashMap<>();

  public KernelTables(String lakeRoot, Configuration hadoopConf, Duration versionCheckInterval) {
    this.lakeRoot = lakeRoot;
    this.reader = new KernelTableReader(DefaultEngine.create(hadoopConf));
    this.versionCheckNanos = versionCheckInterval.toNanos();
  }

  /** The table's current version, or -1 when the table does not exist yet. */
  public long version(LakeTable table) {
    long now = System.nanoTime();
    VersionCheck known = versions.get(table);
    if (known != null && now - known.checkedAt() < versionCheckNanos) {
      return known.version(); // the hot path: no lock, no file system
    }
    return versions.compute(table, (t, previous) -> {
      if (previous != null && now - previous.checkedAt() < versionCheckNanos) {
        return previous;
      }
      OptionalLong latest = reader.latestVersion(t.location(lakeRoot));
      return new VersionCheck(latest.orElse(-1), now);
    }).version();
  }

  /** The tenant's rows of the table at its current version (all periods). */
  public TableRows rows(LakeTable table, String tenant) {
    return rows(table, tenant, Optional.empty());
  }

  /** The tenant's rows of one billing period (pruned by partition when the table has that column). */
  public TableRows rows(LakeTable table, String tenant, Optional<String> period) {
    long version = version(table);
    if (version < 0) {
      return TableRows.empty();
    }
    RowsKey rowsKey = new RowsKey(table, tenant, period);
    TableRows known = rows.get(rowsKey);
    if (known != null && known.version() == version) {
      return known;
    }
    return rows.compute(rowsKey, (key, cached) ->
        cached != null && cached.version() == version ? cached
            : reader.read(table.location(lakeRoot), version, table.partitionColumns(), tenant, period));
  }

  /** How many table scans were run (each reads the files of one tenant at one version). */
  public long scans() {
    return reader.scans();
  }

  /** How many Parquet data files were opened. */
  public long filesRead() {
    return reader.filesRead();
  }

  private record VersionCheck(long version, long checkedAt) {}

  private record RowsKey(LakeTable table, String tenant, Optional<String> period) {}
}
