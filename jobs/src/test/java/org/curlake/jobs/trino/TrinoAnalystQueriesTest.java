package org.curlake.jobs.trino;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.SourceLocation;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.cli.LakehouseCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * The analyst SQL through a real Trino 476: a lake of three tenants built by the real jobs, registered with
 * {@code lakehouse register}; every query in sql/analyst gives the same rows on Trino (as the tenant's user,
 * in its schema) and on Spark (over temp views of the tenant's rows); tenants are confined to their schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoAnalystQueriesTest {
  private final Path root = TestTenants.projectRoot();
  private final Path work = root.resolve("jobs/target/trino-analyst-test");
  private AnalystLake lake;
  private TrinoServer trino;

  @BeforeAll
  void buildLakeStartTrinoAndRegister() throws Exception {
    deleteTree(work);
    Files.createDirectories(work);
    // Trino starts (30-60 s) while Spark builds the lake.
    CompletableFuture<TrinoServer> starting = CompletableFuture.supplyAsync(() -> {
      try {
        return TrinoServer.start(root, work.resolve("trino"));
      } catch (IOException | InterruptedException e) {
        throw new CompletionException(e);
      }
    });
    try {
      lake = AnalystLake.build(SharedSpark.session(), work.resolve("lake"), work.resolve("landing"));
    } finally {
      trino = starting.join();
    }
    String output = register();
    assertTrue(output.contains("register tables="), output);
  }

  @AfterAll
  void stopTrino() {
    if (trino != null) {
      trino.close();
    }
  }

  @Test
  void everyAnalystQueryGivesTheSameRowsOnTrinoAndOnSpark() throws Exception {
    List<AnalystQuery> queries = AnalystQuery.loadAll(root.resolve("sql/analyst"));
    assertTrue(queries.size() >= 5, "the analyst catalogue: " + queries);
    for (AnalystQuery query : queries) {
      int nonEmpty = 0;
      for (AnalystLake.Tenant tenant : lake.tenants()) {
        List<Object> values = query.parameters().stream().map(p -> {
          Object value = AnalystLake.parameters(tenant).get(p);
          if (value == null) {
            throw new IllegalArgumentException(query.name() + ": no test value for parameter " + p);
          }
          return value;
        }).toList();
        List<List<Object>> onTrino = onTrino(tenant.id(), query, values);
        List<List<Object>> onSpark = onSpark(tenant.id(), query, values);
        assertEquals(onSpark, onTrino, query.name() + " for tenant " + tenant.id());
        nonEmpty += onTrino.isEmpty() ? 0 : 1;
      }
      assertTrue(nonEmpty >= 2, query.name() + " must return rows for at least two tenants to compare anything");
    }
  }

  @Test
  void aTenantUserReadsItsOwnSchemaOnlyWhileTheAdminSeesEveryTenant() throws Exception {
    long acmeRows = spark().read().format("delta").load(LakeTable.FCT_COST_DAILY.location(lake.root().toString()))
        .where(col("tenant_id").equalTo(lit("acme"))).count();
    try (Connection acme = trino.connect("tenant_acme"); Statement statement = acme.createStatement()) {
      assertEquals(acmeRows, count(statement, "select count(*) from delta.cur_acme.fct_cost_daily"));
      assertEquals(0, count(statement, "select count(*) from delta.cur_acme.fct_cost_daily where tenant_id <> 'acme'"));
      for (String forbidden : List.of("delta.cur_workshop.fct_cost_daily", "delta.cur_globex.fct_cost_daily",
          "delta.curlake.fct_cost_daily",
          "delta.curlake.cur_line_items")) {
        SQLException denied = assertThrows(SQLException.class,
            () -> count(statement, "select count(*) from " + forbidden), forbidden);
        assertTrue(denied.getMessage().contains("Access Denied"), denied.getMessage());
      }
      List<String> visible = strings(statement, "show schemas from delta");
      assertTrue(visible.contains("cur_acme") && !visible.contains("cur_globex") && !visible.contains("curlake"),
          "tenant_acme sees only its schema: " + visible);
    }
    try (Connection admin = trino.connect(TrinoServer.ADMIN); Statement statement = admin.createStatement()) {
      long allRows = spark().read().format("delta").load(LakeTable.FCT_COST_DAILY.location(lake.root().toString()))
          .count();
      assertEquals(allRows, count(statement, "select count(*) from delta.curlake.fct_cost_daily"));
      assertTrue(allRows > acmeRows, "the base table holds every tenant");
    }
  }

  @Test
  void registeringAgainLeavesTheSameCatalog() throws Exception {
    List<String> before = catalogSnapshot();
    String output = register();
    assertFalse(output.contains(" registered "), output);
    assertTrue(output.contains(" unchanged "), output);
    assertEquals(before, catalogSnapshot());
  }

  private String register() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter errors = new StringWriter();
    PrintStream original = System.out;
    int exit;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      exit = new CommandLine(new LakehouseCli()).setErr(new PrintWriter(errors)).execute("register",
          "--config", root.resolve("config").toString(), "--lake", lake.root().toString(),
          "--trino-url", trino.jdbcUrl(), "--trino-user", TrinoServer.ADMIN);
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, output + errors);
    return output;
  }

  /** Every table and view of the catalog with its definition: what registering must not change. */
  private List<String> catalogSnapshot() throws SQLException {
    try (Connection admin = trino.connect(TrinoServer.ADMIN); Statement statement = admin.createStatement()) {
      List<String> snapshot = new ArrayList<>(strings(statement, "select table_schema || '.' || table_name || ' '"
          + " || table_type from delta.information_schema.tables where table_schema <> 'information_schema'"
          + " order by 1"));
      snapshot.addAll(strings(statement, "select table_schema || '.' || table_name || ' ' || view_definition"
          + " from delta.information_schema.views order by 1"));
      for (String table : strings(statement, "select table_name from delta.information_schema.tables"
          + " where table_schema = 'curlake' order by 1")) {
        snapshot.addAll(strings(statement, "show create table delta.curlake." + table));
      }
      return snapshot;
    }
  }

  private List<List<Object>> onTrino(String tenant, AnalystQuery query, List<Object> values) throws SQLException {
    try (Connection connection = trino.connect("tenant_" + tenant)) {
      connection.setCatalog(TrinoServer.CATALOG);
      connection.setSchema(TrinoRegistrar.tenantSchema(tenant));
      try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
        for (int i = 0; i < values.size(); i++) {
          statement.setObject(i + 1, values.get(i));
        }
        try (ResultSet rows = statement.executeQuery()) {
          List<List<Object>> result = new ArrayList<>();
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            List<Object> row = new ArrayList<>();
            for (int c = 1; c <= columns; c++) {
              row.add(comparable(rows.getObject(c)));
            }
            result.add(row);
          }
          return sorted(result);
        }
      }
    }
  }

  /** The same SQL text on Spark, in a session whose temp views stand for the tenant's schema. */
  private List<List<Object>> onSpark(String tenant, AnalystQuery query, List<Object> values) {
    SparkSession session = spark().newSession();
    LakeTableLocations onDisk = new LakeTableLocations(new SourceLocation(lake.root().toString()));
    for (LakeTable table : LakeTable.values()) {
      if (table.partitionColumns().contains("tenant_id") && onDisk.exists(table)) {
        session.read().format("delta").load(table.location(lake.root().toString()))
            .where(col("tenant_id").equalTo(lit(tenant))).createOrReplaceTempView(table.tableName());
      }
    }
    List<List<Object>> result = new ArrayList<>();
    for (Row row : session.sql(query.sql(), values.toArray()).collectAsList()) {
      List<Object> cells = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        cells.add(comparable(row.get(c)));
      }
      result.add(cells);
    }
    return sorted(result);
  }

  /** Decimals exactly (scale ignored), other numbers as their exact long or to the cent, text as is. */
  private static Object comparable(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
    return value == null ? null : value.toString();
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> strings(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static SparkSession spark() {
    return SharedSpark.session();
  }

  private static void deleteTree(Path path) throws IOException {
    if (Files.exists(path)) {
      try (var walk = Files.walk(path)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
