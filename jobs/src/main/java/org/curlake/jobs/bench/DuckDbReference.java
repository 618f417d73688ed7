package org.curlake.jobs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.curlake.config.AccountInfo;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.curate.SqlModel;
import org.curlake.jobs.ingest.CanonicalColumn;
import org.curlake.jobs.ingest.CanonicalSchema;

/**
 * The single-node reference: DuckDB (in process, through JDBC) computes fct_cost_daily straight from
 * a tenant's raw CUR Parquet by running the very SQL models the pipeline runs
 * (stg_cur_line_items, int_line_items_costed, fct_cost_daily) over a view that maps the raw columns
 * to the canonical bronze names, as ingest's normaliser does. The result is written to Parquet.
 * No validity rules are applied: the benchmark checks that the pipeline quarantined nothing.
 */
final class DuckDbReference implements AutoCloseable {
  private static final List<String> MODELS = List.of("stg_cur_line_items", "int_line_items_costed", "fct_cost_daily");
  /** Paths are spliced into read_parquet('...'): only plain path characters are allowed. */
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./=\\-]+");

  private final Connection connection;

  DuckDbReference(int threads) {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        statement.execute("set threads to " + Math.max(1, threads));
        statement.execute("set preserve_insertion_order = false");
        statement.execute("set TimeZone = 'UTC'");
      }
    } catch (ClassNotFoundException | SQLException e) {
      throw new IllegalStateException("cannot start DuckDB (org.duckdb:duckdb_jdbc): " + e.getMessage(), e);
    }
  }

  /** Computes the tenant's fct_cost_daily into {@code output} (a Parquet file) and returns its totals. */
  CostTotals fctCostDaily(BenchDataset.BenchTenant tenant, Path output) {
    String tenantId = tenant.config().id();
    String glob = safe(tenant.source().toString()) + "/**/*.parquet";
    try (Statement statement = connection.createStatement()) {
      statement.execute("create or replace temp view bronze_cur_line_items as select "
          + normalisedColumns(statement, glob, tenantId) + " from read_parquet('" + glob + "', union_by_name = true)");
      registerAccounts(statement, tenant.config());
      for (String model : MODELS) {
        statement.execute("create or replace temp view " + model + " as " + SqlModel.load(model).sql());
      }
      Files.createDirectories(output.getParent());
      statement.execute("copy (select * from fct_cost_daily) to '" + safe(output.toString()) + "' (format parquet)");
      try (ResultSet totals = statement.executeQuery("select count(*), sum(line_item_count), sum(unblended_cost), "
          + "sum(amortized_cost) from read_parquet('" + safe(output.toString()) + "')")) {
        totals.next();
        return new CostTotals(tenantId, totals.getLong(1), totals.getLong(2), totals.getBigDecimal(3),
            totals.getBigDecimal(4));
      }
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("DuckDB reference failed for tenant '" + tenantId + "': " + e.getMessage(), e);
    }
  }

  /** The canonical bronze columns from the raw ones present (typed nulls for the others). */
  private static String normalisedColumns(Statement statement, String glob, String tenantId) throws SQLException {
    Set<String> present = new HashSet<>();
    try (ResultSet columns = statement.executeQuery(
        "describe select * from read_parquet('" + glob + "', union_by_name = true)")) {
      while (columns.next()) {
        present.add(columns.getString(1));
      }
    }
    List<String> select = new ArrayList<>();
    select.add("'" + safeId(tenantId) + "' as tenant_id");
    select.add("strftime(bill_billing_period_start_date, '%Y-%m') as billing_period");
    for (CanonicalColumn column : CanonicalSchema.columns()) {
      select.add("try_cast(" + source(column, present) + " as " + duckType(column.type()) + ") as " + column.name());
    }
    select.add("cast(null as map(varchar, varchar)) as resource_tags");
    return String.join(", ", select);
  }

  private static String source(CanonicalColumn column, Set<String> present) {
    for (String source : column.sources()) {
      int dot = source.indexOf('.');
      if (dot > 0 && present.contains(source.substring(0, dot))) {
        return "element_at(" + source.substring(0, dot) + ", '" + source.substring(dot + 1) + "')[1]";
      }
      if (dot < 0 && present.contains(source)) {
        return source;
      }
    }
    return "null";
  }

  private static String duckType(DataType type) {
    if (type instanceof DecimalType decimal) {
      return "decimal(" + decimal.precision() + ", " + decimal.scale() + ")";
    }
    if (type.equals(DataTypes.StringType)) {
      return "varchar";
    }
    if (type.equals(DataTypes.TimestampType)) {
      return "timestamp";
    }
    if (type.equals(DataTypes.DoubleType)) {
      return "double";
    }
    throw new IllegalArgumentException("no DuckDB type for " + type);
  }

  private void registerAccounts(Statement statement, TenantConfig tenant) throws SQLException {
    statement.execute("create or replace temp table tenant_accounts "
        + "(account_id varchar, account_name varchar, business_unit varchar)");
    try (PreparedStatement insert = connection.prepareStatement("insert into tenant_accounts values (?, ?, ?)")) {
      for (AccountInfo account : tenant.accounts().values()) {
        insert.setString(1, account.accountId());
        insert.setString(2, account.name());
        insert.setString(3, account.businessUnit());
        insert.executeUpdate();
      }
    }
  }

  private static String safe(String path) {
    if (!SAFE_PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("bench folder path '" + path + "' has characters other than letters, "
          + "digits and _ . / = -; choose another --dir");
    }
    return path;
  }

  private static String safeId(String id) {
    if (!id.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("tenant id '" + id + "' is not a safe identifier");
    }
    return id;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close DuckDB: " + e.getMessage(), e);
    }
  }
}
