package org.curlake.jobs.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.config.Tenants;
import org.curlake.jobs.trino.LakeTableLocations;
import org.curlake.jobs.trino.TableRegistration;
import org.curlake.jobs.trino.TenantViews;
import org.curlake.jobs.trino.TrinoRegistrar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lakehouse register}: registers the lake's Delta tables in Trino (admin schema {@code curlake}) and
 * (re)creates each tenant's schema {@code cur_<tenant>} of views filtered to its rows. No Spark: JDBC only.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
    description = "Register the lake's Delta tables in Trino and create each tenant's schema of views.")
public final class RegisterCommand implements Callable<Integer> {
  /** Set only where Trino has password authentication (HTTPS); never passed on the command line. */
  static final String PASSWORD_ENV = "CURLAKE_TRINO_PASSWORD";

  @Mixin LakeOptions lake;

  @Option(names = "--tenant", description = "Only this tenant's schema (active or not); default: every active tenant.")
  String tenant;

  @Option(names = "--trino-url", defaultValue = "${env:CURLAKE_TRINO_URL:-jdbc:trino://127.0.0.1:8080}",
      description = "Trino JDBC URL (default: ${DEFAULT-VALUE}).")
  String trinoUrl;

  @Option(names = "--trino-user", defaultValue = "${env:CURLAKE_TRINO_USER:-admin}",
      description = "Trino user with admin rights on the catalog (default: ${DEFAULT-VALUE}).")
  String trinoUser;

  @Option(names = "--catalog", defaultValue = "delta",
      description = "Trino Delta Lake catalog (default: ${DEFAULT-VALUE}).")
  String catalog;

  @Override
  public Integer call() throws SQLException {
    Tenants configured = lake.tenants();
    List<TenantConfig> tenants = tenant == null ? configured.active() : List.of(configured.require(tenant));
    LakeTableLocations locations = new LakeTableLocations(lake.lakeRoot());
    try (Connection connection = DriverManager.getConnection(trinoUrl, connectionProperties())) {
      TrinoRegistrar registrar = new TrinoRegistrar(connection, catalog);
      List<String> registered = new ArrayList<>();
      for (LakeTable table : LakeTable.values()) {
        if (!locations.exists(table)) {
          System.out.println(new TableRegistration(table.tableName(), locations.trinoLocation(table),
              TableRegistration.Outcome.MISSING).progressLine());
          continue;
        }
        TableRegistration registration = registrar.registerTable(table.tableName(), locations.trinoLocation(table));
        System.out.println(registration.progressLine());
        registered.add(table.tableName());
      }
      for (TenantConfig config : tenants) {
        TenantViews views = registrar.createTenantViews(config.id(), registered);
        System.out.println(views.progressLine());
      }
      System.out.printf("register tables=%d tenants=%d%n", registered.size(), tenants.size());
    }
    return 0;
  }

  private Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", trinoUser);
    String password = System.getenv(PASSWORD_ENV);
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    return properties;
  }
}
