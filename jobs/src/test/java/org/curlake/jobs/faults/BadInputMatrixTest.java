package org.curlake.jobs.faults;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.ConfigException;
import org.curlake.config.TenantConfig;
import org.curlake.config.TenantConfigLoader;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.ingest.IngestReport;
import org.curlake.jobs.ingest.IngestRun;
import org.curlake.jobs.ingest.RunStatus;
import org.curlake.jobs.lake.TableChecksum;
import org.curlake.quality.QualityRulesLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad delivery, each in its own tenant, after a good delivery of the same month was
 * ingested: a bad file fails only its tenant's period with a clear error and loses nothing; odd
 * but legal data (credits, unicode, huge tag maps, stray dates) is kept or quarantined, never
 * silently dropped; a tenant whose source points at another tenant's data is refused by config
 * validation before anything is read. Ends with a reliability summary line.
 */
class BadInputMatrixTest {
  private static final int MONTH = 11;
  private static final String PERIOD = "2018-11";
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path lake;
  @TempDir Path sources;

  /** Faults that must fail the period, with the words the error must contain. */
  private final Map<String, String> refused = new LinkedHashMap<>();

  private Dataset<Row> goodRows(int n) {
    return spark.read().parquet(TestTenants.workshopData().resolve("year=2018/month=" + MONTH).toString())
        .orderBy("identity_line_item_id", "line_item_usage_start_date").limit(n);
  }

  private Path periodDir(String tenant) {
    return sources.resolve(tenant).resolve("year=2018/month=" + MONTH);
  }

  private void deliver(String tenant, Dataset<Row> rows) {
    rows.coalesce(1).write().mode("overwrite").parquet(periodDir(tenant).toString());
  }

  private Path onlyFile(String tenant) throws IOException {
    try (Stream<Path> files = Files.list(periodDir(tenant))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  private TenantConfig tenant(String id) {
    return TestTenants.tenant(id, sources.resolve(id), Optional.empty());
  }

  private IngestReport ingest(List<TenantConfig> tenants) {
    return new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, r -> { }).run(tenants, Optional.empty());
  }

  private Dataset<Row> table(LakeTable table, String tenant) {
    return spark.read().format("delta").load(table.location(lake.toString()))
        .where(col("tenant_id").equalTo(tenant));
  }

  @Test
  void badDeliveriesFailAloneAndLoseNothing() throws Exception {
    Map<String, Consumer<String>> faults = new LinkedHashMap<>();
    faults.put("truncated", t -> truncate(t));
    refused.put("truncated", "not a readable Parquet file");
    faults.put("not_parquet", t -> write(t, "Nov-00001.snappy.parquet", "id,cost\n1,2.5\n"));
    refused.put("not_parquet", "not a readable Parquet file");
    faults.put("empty_month", t -> deliver(t, goodRows(0)));
    refused.put("empty_month", "empty period");
    faults.put("wrong_types", t -> deliver(t, goodRows(300)
        .withColumn("line_item_usage_start_date", col("line_item_usage_start_date").cast("string"))));
    refused.put("wrong_types", "line_item_usage_start_date is string, expected timestamp");
    faults.put("missing_column", t -> deliver(t, goodRows(300).drop("line_item_usage_account_id")));
    refused.put("missing_column", "missing required column(s) [line_item_usage_account_id]");
    faults.put("money_not_a_number", t -> deliver(t, goodRows(300).withColumn("line_item_unblended_cost",
        when(org.apache.spark.sql.functions.monotonically_increasing_id().equalTo(7), lit(Double.NaN))
            .otherwise(col("line_item_unblended_cost")))));
    refused.put("money_not_a_number", "amount does not fit bronze money: line_item_unblended_cost = NaN in file ");
    faults.put("duplicate_delivery", t -> duplicate(t));
    refused.put("duplicate_delivery", "duplicate delivery");

    List<TenantConfig> tenants = new ArrayList<>(List.of(tenant("healthy")));
    faults.keySet().forEach(name -> tenants.add(tenant(name)));
    tenants.forEach(t -> deliver(t.id(), goodRows(500)));
    ingest(tenants).runs().forEach(run -> assertEquals(RunStatus.SUCCEEDED, run.status(), run.progressLine()));
    Map<String, TableChecksum> before = new LinkedHashMap<>();
    tenants.forEach(t -> before.put(t.id(), TableChecksum.of(table(LakeTable.CUR_LINE_ITEMS, t.id()))));

    deliver("healthy", goodRows(600));
    faults.forEach((name, fault) -> fault.accept(name));
    IngestReport report = ingest(tenants);

    int survived = 0;
    long rowsLost = 0;
    for (IngestRun run : report.runs()) {
      long rowsNow = table(LakeTable.CUR_LINE_ITEMS, run.tenantId()).count();
      if (run.tenantId().equals("healthy")) {
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.progressLine());
        assertEquals(600, rowsNow, "other tenants keep running");
        continue;
      }
      assertEquals(RunStatus.FAILED, run.status(), run.progressLine());
      assertTrue(run.error().startsWith("tenant '" + run.tenantId() + "' period " + PERIOD), run.error());
      assertTrue(run.error().contains(refused.get(run.tenantId())), run.error());
      assertEquals(before.get(run.tenantId()), TableChecksum.of(table(LakeTable.CUR_LINE_ITEMS, run.tenantId())),
          "the curated data of " + run.tenantId() + " stays as it was");
      rowsLost += 500 - rowsNow;
      survived++;
    }
    assertTrue(report.runs().stream().filter(r -> !r.tenantId().equals("empty_month"))
        .filter(r -> r.status() == RunStatus.FAILED).allMatch(r -> r.error().contains(" file ")),
        "file faults name the file");
    assertEquals(faults.size(), survived);
    assertCrossTenantSourceRefused();
    survived++;
    assertEquals(0, rowsLost);
    System.out.printf("reliability bad_inputs faults_tried=%d faults_survived=%d rows_lost=%d%n",
        faults.size() + 1, survived, rowsLost);
  }

  @Test
  void oddButLegalDataIsKeptOrQuarantinedNeverDropped() {
    Column n = org.apache.spark.sql.functions.monotonically_increasing_id();
    Dataset<Row> rows = goodRows(400).withColumn("n", n)
        // Credits are legal: negative cost is kept as is.
        .withColumn("line_item_line_item_type", when(col("n").lt(5), lit("Credit")).otherwise(col("line_item_line_item_type")))
        .withColumn("line_item_unblended_cost", when(col("n").lt(5), lit(-12.5)).otherwise(col("line_item_unblended_cost")))
        // Unicode tag values survive.
        .withColumn("resource_tags_user_environment", when(col("n").between(10, 19), lit("環境-prüfung ✓"))
            .otherwise(col("resource_tags_user_environment")))
        // Dates outside the billing period are quarantined with the reason.
        .withColumn("line_item_usage_start_date", when(col("n").between(30, 32),
            lit(java.sql.Timestamp.valueOf("2018-12-02 00:00:00"))).otherwise(col("line_item_usage_start_date")));
    // One line item carries 300 more tags (one select: 300 withColumn calls would re-analyse the plan 300 times).
    List<Column> columns = new ArrayList<>();
    for (String existing : rows.columns()) {
      columns.add(col(existing));
    }
    for (int i = 0; i < 300; i++) {
      columns.add(when(col("n").equalTo(50), lit("v" + i)).as("resource_tags_user_k" + i));
    }
    deliver("odd", rows.select(columns.toArray(Column[]::new)).drop("n"));
    TenantConfig odd = new TenantConfig("odd", "odd", true, tenant("odd").source(), Map.of(),
        List.of("Environment"), Optional.empty());
    assertEquals(RunStatus.SUCCEEDED, ingest(List.of(odd)).runs().get(0).status());
    new CurateJob(spark, lake.toString(),
        new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load().validity(), false,
        r -> assertTrue(!r.failed(), r.progressLine())).run(List.of(odd), Optional.empty());

    Dataset<Row> bronze = table(LakeTable.CUR_LINE_ITEMS, "odd");
    assertEquals(400, bronze.count());
    assertEquals(1, bronze.where("size(map_filter(resource_tags, (k, v) -> k rlike '^user_k[0-9]+$')) = 300").count());
    assertEquals(3, table(LakeTable.QUARANTINE, "odd").where("array_contains(quarantine_reasons, 'usage_within_billing_period')").count());
    assertEquals(397, table(LakeTable.FOCUS_COSTS, "odd").count(), "valid + quarantined = bronze");
    assertEquals(0, new java.math.BigDecimal("-62.5").compareTo(table(LakeTable.FCT_COST_DAILY, "odd")
        .where("line_item_type = 'Credit'").agg(org.apache.spark.sql.functions.sum("unblended_cost")).first().getDecimal(0)));
    assertEquals(10, table(LakeTable.FCT_COST_BY_TAG, "odd").where("tag_value = '環境-prüfung ✓'")
        .agg(org.apache.spark.sql.functions.sum("line_item_count")).first().getLong(0));
  }

  /** A tenant whose source points into another tenant's data is refused by config validation, before any read. */
  private void assertCrossTenantSourceRefused() throws IOException {
    Path config = sources.resolve("config");
    Files.createDirectories(config.resolve("tenants"));
    Files.writeString(config.resolve("tenants/healthy.yaml"), tenantYaml("healthy", sources.resolve("healthy")));
    Files.writeString(config.resolve("tenants/intruder.yaml"),
        tenantYaml("intruder", sources.resolve("healthy").resolve("year=2018")));
    ConfigException e = assertThrows(ConfigException.class, () -> new TenantConfigLoader(config).load());
    assertTrue(e.getMessage().contains("tenant 'intruder'")
        && e.getMessage().contains("overlaps the source of tenant 'healthy'")
        && e.getMessage().contains("a tenant may only read its own data"), e.getMessage());
  }

  private static String tenantYaml(String id, Path source) {
    return "tenant_id: " + id + "\nsource:\n  path: " + source + "\n  freshness_sla_hours: 24\n";
  }

  private void truncate(String tenant) {
    deliver(tenant, goodRows(500));
    try (RandomAccessFile file = new RandomAccessFile(onlyFile(tenant).toFile(), "rw")) {
      file.setLength(file.length() / 2);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void write(String tenant, String name, String content) {
    try {
      IngestFixturesCleaner.clear(periodDir(tenant));
      Files.createDirectories(periodDir(tenant));
      Files.writeString(periodDir(tenant).resolve(name), content);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void duplicate(String tenant) {
    deliver(tenant, goodRows(500));
    try {
      Path original = onlyFile(tenant);
      Files.copy(original, original.resolveSibling("copy-of-" + original.getFileName()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
