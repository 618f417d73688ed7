package org.curlake.jobs.trino;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.curlake.config.TenantId;

/**
 * Registers the lake's Delta tables in a Trino Delta Lake catalog and gives each tenant a schema of views.
 *
 * <p>The curated tables hold every tenant's rows (partitioned by tenant_id), so they are registered once,
 * in the admin-only schema {@value #BASE_SCHEMA}. Each tenant gets a schema {@code cur_<tenant>} of views
 * {@code select * from curlake.<table> where tenant_id = '<tenant>'}. The views are SECURITY DEFINER: they
 * read the base tables with their owner's (the admin's) rights, so access control lets a tenant's user
 * into its own schema only and never into {@value #BASE_SCHEMA}.
 *
 * <p>Values are bound as parameters where Trino allows it; names and the CALL arguments cannot be, so they
 * are validated ({@link TrinoIdentifier}, {@link TenantId}, {@link #safeLocation}) before they reach SQL text.
 * Every step is idempotent.
 */
public final class TrinoRegistrar {
  public static final String BASE_SCHEMA = "curlake";
  public static final String TENANT_SCHEMA_PREFIX = "cur_";
  private static final String TENANT_COLUMN = "tenant_id";
  private static final Pattern SAFE_LOCATION = Pattern.compile("(local|s3a?)://[A-Za-z0-9._/=+\\-]+");
  private static final Pattern LOCATION = Pattern.compile("location = '((?:[^']|'')*)'");

  private final Connection connection;
  private final TrinoIdentifier catalog;
  private final TrinoIdentifier baseSchema = new TrinoIdentifier(BASE_SCHEMA);

  public TrinoRegistrar(Connection connection, String catalog) {
    this.connection = connection;
    this.catalog = new TrinoIdentifier(catalog);
  }

  /** The schema holding a tenant's views. */
  public static String tenantSchema(String tenantId) {
    return TENANT_SCHEMA_PREFIX + TenantId.validate("tenant", tenantId);
  }

  /** Registers one Delta table in the base schema, or leaves it when it is already registered there. */
  public TableRegistration registerTable(String tableName, String location) throws SQLException {
    TrinoIdentifier table = new TrinoIdentifier(tableName);
    execute("create schema if not exists " + catalog.quoted() + "." + baseSchema.quoted());
    Optional<String> registered = registeredLocation(table);
    if (registered.isPresent() && sameLocation(registered.get(), location)) {
      return new TableRegistration(tableName, location, TableRegistration.Outcome.UNCHANGED);
    }
    // Trino cannot bind parameters in CALL: the names are validated identifiers, the location a safe URI.
    String literals = "schema_name => '" + baseSchema.name() + "', table_name => '" + table.name() + "'";
    if (registered.isPresent()) {
      execute("call " + catalog.quoted() + ".system.unregister_table(" + literals + ")");
    }
    execute("call " + catalog.quoted() + ".system.register_table(" + literals + ", table_location => '"
        + safeLocation(location) + "')");
    return new TableRegistration(tableName, location,
        registered.isPresent() ? TableRegistration.Outcome.REPLACED : TableRegistration.Outcome.REGISTERED);
  }

  /**
   * (Re)creates the tenant's schema with one view per registered base table that has a tenant_id column.
   * {@code tables} are the base tables to expose; the others are left out.
   */
  public TenantViews createTenantViews(String tenantId, List<String> tables) throws SQLException {
    TrinoIdentifier schema = new TrinoIdentifier(tenantSchema(tenantId));
    execute("create schema if not exists " + catalog.quoted() + "." + schema.quoted());
    List<String> views = new ArrayList<>();
    for (String tableName : tables) {
      TrinoIdentifier table = new TrinoIdentifier(tableName);
      if (!hasTenantColumn(table)) {
        continue;
      }
      // The tenant id matched TenantId.PATTERN (letters, digits, '_'), so the literal cannot break out.
      execute("create or replace view " + catalog.quoted() + "." + schema.quoted() + "." + table.quoted()
          + " security definer as select * from " + catalog.quoted() + "." + baseSchema.quoted() + "."
          + table.quoted() + " where " + TENANT_COLUMN + " = '" + tenantId + "'");
      views.add(tableName);
    }
    return new TenantViews(tenantId, schema.name(), views);
  }

  private Optional<String> registeredLocation(TrinoIdentifier table) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("select count(*) from " + catalog.quoted()
        + ".information_schema.tables where table_schema = ? and table_name = ?")) {
      exists.setString(1, BASE_SCHEMA);
      exists.setString(2, table.name());
      try (ResultSet rows = exists.executeQuery()) {
        rows.next();
        if (rows.getLong(1) == 0) {
          return Optional.empty();
        }
      }
    }
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("show create table " + catalog.quoted() + "."
             + baseSchema.quoted() + "." + table.quoted())) {
      rows.next();
      Matcher matcher = LOCATION.matcher(rows.getString(1));
      if (!matcher.find()) {
        throw new SQLException("table " + BASE_SCHEMA + "." + table + " has no location in SHOW CREATE TABLE");
      }
      return Optional.of(matcher.group(1).replace("''", "'"));
    }
  }

  private boolean hasTenantColumn(TrinoIdentifier table) throws SQLException {
    try (PreparedStatement columns = connection.prepareStatement("select count(*) from " + catalog.quoted()
        + ".information_schema.columns where table_schema = ? and table_name = ? and column_name = ?")) {
      columns.setString(1, BASE_SCHEMA);
      columns.setString(2, table.name());
      columns.setString(3, TENANT_COLUMN);
      try (ResultSet rows = columns.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  /** A table location fit for a SQL string literal: local:// or s3(a):// with no quote, space or control character. */
  static String safeLocation(String location) {
    if (location == null || !SAFE_LOCATION.matcher(location).matches()) {
      throw new IllegalArgumentException("'" + location + "' is not a table location Trino can be given safely:"
          + " expected local:///path or s3a://bucket/prefix of letters, digits and . _ - / = +");
    }
    return location;
  }

  private static boolean sameLocation(String registered, String wanted) {
    return trimSlash(registered).equals(trimSlash(wanted));
  }

  private static String trimSlash(String location) {
    return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
