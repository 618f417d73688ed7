package org.curlake.api.store.trino;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.curlake.config.TenantId;

/**
 * Runs parameterised queries against a tenant's Trino schema {@code cur_<tenant>}. The schema name
 * comes from a validated tenant id and table names from the catalogue; every value is bound.
 */
final class TrinoQueries {
  private final String url;
  private final String userPrefix;

  /** Each tenant's queries run as the Trino user {@code <userPrefix><tenant>}, which Trino confines to its schema. */
  TrinoQueries(String url, String userPrefix) {
    this.url = url;
    this.userPrefix = userPrefix;
  }

  /** A row mapper that may throw SQLException. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** {@code cur_<tenant>.<table>} for SQL text: the tenant id is checked against the safe pattern. */
  static String table(String tenant, String table) {
    if (!table.matches("[a-z_]{1,64}")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    return "cur_" + TenantId.validate("tenant", tenant) + "." + table;
  }

  <T> List<T> list(String tenant, String sql, List<Object> values, RowMapper<T> mapper) {
    Properties properties = new Properties();
    properties.setProperty("user", userPrefix + TenantId.validate("tenant", tenant));
    try (Connection connection = DriverManager.getConnection(url, properties);
         PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(mapper.map(result));
        }
      }
      return rows;
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().matches("(?s).*(Schema|Table|View) '[^']*' does not exist.*")) {
        return List.of(); // the tenant's views are not registered (yet): it has no data
      }
      throw new TrinoQueryException("Trino query failed (" + e.getMessage() + "): " + sql, e);
    }
  }

  /** A query the Trino store could not run. */
  static final class TrinoQueryException extends RuntimeException {
    TrinoQueryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
