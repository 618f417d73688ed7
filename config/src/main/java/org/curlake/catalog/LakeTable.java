package org.curlake.catalog;

import java.util.List;

/**
 * The catalogue of Delta tables in the lake. Each table lives at {@code <lake>/<layer>/<name>}; the
 * jobs write them and the API and Trino read them. The README's table catalogue documents each.
 */
public enum LakeTable {
  /** Every CUR line item as delivered, normalised to one schema; one partition per tenant and period. */
  CUR_LINE_ITEMS("bronze", "cur_line_items", List.of("tenant_id", "billing_period"),
      "CUR line items normalised to the canonical schema, replaced per (tenant, billing period)",
      List.of("line_item_usage_start_date", "line_item_usage_account_id", "line_item_product_code")),
  /** One row per ingest attempt of a (tenant, period): what was read, what was written, how it ended. */
  INGEST_RUNS("ops", "ingest_runs", List.of(),
      "one row per ingest attempt of a tenant's billing period (append-only)"),
  /** One row per curation of a (tenant, period), with the fingerprint of its inputs. */
  CURATE_RUNS("ops", "curate_runs", List.of(),
      "one row per curation of a tenant's period or tenant-wide marts (append-only)"),
  /** Daily cost by account, service, region, usage type, operation, line item type and purchase option. */
  FCT_COST_DAILY("marts", "fct_cost_daily", List.of("tenant_id", "billing_period"),
      "daily unblended, amortized and net cost by account, OU, service, region, usage type"),
  /** Cost allocated by normalised tag key and value, with an explicit untagged bucket. */
  FCT_COST_BY_TAG("marts", "fct_cost_by_tag", List.of("tenant_id", "billing_period"),
      "daily cost per configured tag key and value (untagged bucket included)"),
  /** Monthly cost per account and service with month-over-month change. */
  FCT_COST_MONTHLY("marts", "fct_cost_monthly", List.of("tenant_id"),
      "monthly cost per account and service with month-over-month change"),
  /** Accounts with name and business unit (OU). */
  DIM_ACCOUNTS("marts", "dim_accounts", List.of("tenant_id"), "accounts with name and business unit"),
  /** Services (product codes) with readable names. */
  DIM_SERVICES("marts", "dim_services", List.of("tenant_id"), "services with readable names"),
  /** The tenant's costs as FOCUS 1.0 columns, one row per line item. */
  FOCUS_COSTS("marts", "focus_costs", List.of("tenant_id", "billing_period"),
      "FOCUS 1.0 view of every line item",
      List.of("ChargePeriodStart", "SubAccountId", "x_ServiceCode", "RegionId")),
  /** Paid-for resources that are (nearly) unused, one row per idle-resource rule finding. */
  FCT_IDLE_RESOURCES("marts", "fct_idle_resources", List.of("tenant_id", "billing_period"),
      "idle resources and unused commitments with evidence and estimated monthly waste"),
  /** Month-to-date cost against the monthly budget on an as-of date, with a run-rate forecast. */
  BUDGET_STATUS("marts", "budget_status", List.of("tenant_id", "billing_period"),
      "month-to-date amortized cost, forecast and OK/WARN/EXCEEDED against the tenant's budget"),
  /** Daily usage cost per service against its seasonal baseline, with anomaly score and flag. */
  FCT_COST_ANOMALIES("marts", "fct_cost_anomalies", List.of("tenant_id", "billing_period"),
      "daily cost per service: actual, expected, impact, robust score, anomaly flag"),
  /** The (account, region, usage type) cells that drove each anomaly, ranked by contribution. */
  FCT_COST_ANOMALY_DRIVERS("marts", "fct_cost_anomaly_drivers", List.of("tenant_id", "billing_period"),
      "root cause of each cost anomaly by account, region and usage type, ranked"),
  /** EC2 instances with their daily CloudWatch CPU and network over 14 days and the low-utilization finding. */
  FCT_INSTANCE_UTILIZATION("marts", "fct_instance_utilization", List.of("tenant_id", "billing_period"),
      "EC2 instances: 14-day CloudWatch CPU and network, low-utilization finding with evidence"),
  /** Month-end and next-month cost forecast per service and in total, with an 80% interval, as of a date. */
  FCT_COST_FORECAST("marts", "fct_cost_forecast", List.of("tenant_id", "billing_period"),
      "month-end and next-month forecast per service and tenant total, 80% interval, naive baselines"),
  /** Past months forecast from the data as of earlier dates, against the actual and naive baselines. */
  FCT_FORECAST_BACKTEST("marts", "fct_forecast_backtest", List.of("tenant_id"),
      "backtest of the forecast: past months forecast as of days 7/14/21 and the month before, errors vs naive"),
  /** Bronze rows that broke a validity rule, with the reason; kept out of the marts. */
  QUARANTINE("quality", "quarantine", List.of("tenant_id", "billing_period"),
      "bronze line items that broke a validity rule, with the rule as reason"),
  /** One row per data-quality check per tenant and period per check run. */
  DQ_RESULTS("quality", "dq_results", List.of("tenant_id"),
      "data-quality check results (append-only, one row per check per run)"),
  /** Freshness of each tenant's data against its SLA, per check run. */
  SLA_STATUS("quality", "sla_status", List.of("tenant_id"),
      "freshness lag against the tenant's SLA (append-only, one row per run)");

  private final String layer;
  private final String tableName;
  private final List<String> partitionColumns;
  private final String description;
  private final List<String> statsColumns;

  LakeTable(String layer, String tableName, List<String> partitionColumns, String description) {
    this(layer, tableName, partitionColumns, description, List.of());
  }

  LakeTable(String layer, String tableName, List<String> partitionColumns, String description,
      List<String> statsColumns) {
    this.layer = layer;
    this.tableName = tableName;
    this.partitionColumns = List.copyOf(partitionColumns);
    this.description = description;
    this.statsColumns = List.copyOf(statsColumns);
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

  /**
   * The columns Delta keeps per-file min/max statistics of (its data skipping), set as
   * {@code delta.dataSkippingStatsColumns} when the table is created; empty for Delta's default
   * (the first 32 columns). The line-item tables name the columns their readers filter on besides
   * the partitions: no reader used the statistics of the other wide columns, which cost 8-19% of a
   * bronze copy measured alone (README, Benchmarks).
   */
  public List<String> statsColumns() {
    return statsColumns;
  }

  /** The table's location under a lake root (a local folder or s3a:// prefix). */
  public String location(String lakeRoot) {
    String root = lakeRoot.endsWith("/") ? lakeRoot.substring(0, lakeRoot.length() - 1) : lakeRoot;
    return root + "/" + layer + "/" + tableName;
  }
}
