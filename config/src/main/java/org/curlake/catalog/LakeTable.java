package org.curlake.catalog;

import java.util.List;

/**
 * The catalogue of Delta tables in the lake. Each table lives at {@code <lake>/<layer>/<name>}; the
 * jobs write them and the API and Trino read them. The README's table catalogue documents each.
 */
public enum LakeTable {
  /** Every CUR line item as delivered, normalised to one schema; one partition per tenant and period. */
  CUR_LINE_ITEMS("bronze", "cur_line_items", List.of("tenant_id", "billing_period"),
      "CUR line items normalised to the canonical schema, replaced per (tenant, billing period)"),
  /** One row per ingest attempt of a (tenant, period): what was read, what was written, how it ended. */
  INGEST_RUNS("ops", "ingest_runs", List.of(),
      "one row per ingest attempt of a tenant's billing period (append-only)");

  private final String layer;
  private final String tableName;
  private final List<String> partitionColumns;
  private final String description;

  LakeTable(String layer, String tableName, List<String> partitionColumns, String description) {
    this.layer = layer;
    this.tableName = tableName;
    this.partitionColumns = List.copyOf(partitionColumns);
    this.description = description;
  }

  public String layer() {
    return layer;
  }

  public String tableName() {
    return tableName;
  }

  public List<String> partitionColumns() {
    return partitionColumns;
  }

  public String description() {
    return description;
  }

  /** The table's location under a lake root (a local folder or s3a:// prefix). */
  public String location(String lakeRoot) {
    String root = lakeRoot.endsWith("/") ? lakeRoot.substring(0, lakeRoot.length() - 1) : lakeRoot;
    return root + "/" + layer + "/" + tableName;
  }
}
