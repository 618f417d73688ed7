package org.curlake.jobs.s3;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.SourceConfig;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.config.StorageConfig;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.analytics.AnalyticsJob;
import org.curlake.jobs.analytics.AnalyticsRun;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.CurateRun;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.ingest.IngestReport;
import org.curlake.jobs.ingest.IngestRun;
import org.curlake.jobs.ingest.ManifestJson;
import org.curlake.jobs.quality.CheckJob;
import org.curlake.jobs.quality.CheckReport;
import org.curlake.jobs.quality.DqResult;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.jobs.spark.SparkSessions;
import org.curlake.quality.QualityRules;
import org.curlake.quality.QualityRulesLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sources and lake on S3 (a real s3proxy): CUR deliveries with manifests, two deliveries of one period
 * (only the latest is read), a CUR 2.0 export with a stale file beside the current one, and a tenant whose
 * manifest names a missing object. Ingest, curate, check and analytics run with s3a sources and an s3a
 * lake; the tables reconcile to the cent with the raw files of the latest deliveries.
 *
 * <p>Credentials: s3a gets them from the AWS default chain (config never holds them). A test cannot set
 * environment variables in its own JVM, so it uses the chain's Java system properties
 * ({@code aws.accessKeyId}/{@code aws.secretKey}), restored afterwards; the s3a settings come from a
 * {@link StorageConfig} exactly as config/storage.yaml would give them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3EndToEndTest {
  private static final String LANDING = "curlake-landing";
  private static final String LAKE_BUCKET = "curlake-lake";
  private static final YearMonth OCT = YearMonth.of(2018, 10);
  private static final YearMonth NOV = YearMonth.of(2018, 11);
  private static final YearMonth JAN = YearMonth.of(2024, 1);

  private final SparkSession spark = SharedSpark.session();
  private final QualityRules rules = new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load();
  private final String lake = "s3a://" + LAKE_BUCKET + "/lake";
  private Path work;
  private S3ProxyServer server;
  private S3Buckets s3;
  private final Map<String, String> savedProperties = new java.util.HashMap<>();

  /** Raw rows of each (tenant, period)'s latest delivery, read back from the local files uploaded. */
  private final Map<String, Dataset<Row>> expected = new java.util.HashMap<>();

  @BeforeAll
  void startS3() throws Exception {
    work = Files.createDirectories(TestTenants.projectRoot().resolve("jobs/target/s3-e2e/" + UUID.randomUUID()));
    server = S3ProxyServer.start(work.resolve("s3proxy"));
    for (Map.Entry<String, String> credential : Map.of("aws.accessKeyId", S3ProxyServer.IDENTITY,
        "aws.secretKey", S3ProxyServer.CREDENTIAL).entrySet()) {
      savedProperties.put(credential.getKey(), System.getProperty(credential.getKey()));
      System.setProperty(credential.getKey(), credential.getValue());
    }
    SparkSessions.useStorage(spark, new StorageConfig(Optional.of(server.endpoint()), true, Optional.of("us-east-1")));
    s3 = new S3Buckets(server.endpoint());
    s3.create(LANDING);
    s3.create(LAKE_BUCKET);
  }

  @AfterAll
  void stopS3() {
    if (s3 != null) {
      s3.close();
    }
    if (server != null) {
      server.close();
    }
    savedProperties.forEach((key, value) -> {
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
    });
  }

  /** Writes rows as Parquet into a local folder ({@code parts} files) and returns the folder. */
  private Path local(String name, Dataset<Row> rows, int parts) {
    Path dir = work.resolve("raw/" + name);
    rows.repartition(parts).write().parquet(dir.toString());
    return dir;
  }

  private Dataset<Row> workshopRows(YearMonth month, int from, int to) {
    Dataset<Row> all = spark.read().parquet(TestTenants.workshopData().resolve("year=2018/month=" + month.getMonthValue())
        .toString());
    return all.orderBy(col("identity_line_item_id"), col("line_item_usage_start_date")).offset(from).limit(to - from);
  }

  /** A legacy CUR delivery: the files under {@code <report>/<range>/<assembly>/} and the assembly's manifest. */
  private List<String> legacyDelivery(String prefix, String report, YearMonth period, String assembly, Path files) {
    String folder = prefix + report + "/" + ManifestJson.legacyRangeFolder(period) + "/" + assembly + "/";
    List<String> keys = s3.putParquetParts(LANDING, files, folder, report);
    s3.put(LANDING, folder + report + "-Manifest.json", ManifestJson.legacy(report, assembly, period, LANDING, keys));
    return keys;
  }

  private void periodManifest(String prefix, String report, YearMonth period, String assembly, List<String> keys) {
    s3.put(LANDING, prefix + report + "/" + ManifestJson.legacyRangeFolder(period) + "/" + report + "-Manifest.json",
        ManifestJson.legacy(report, assembly, period, LANDING, keys));
  }

  private static TenantConfig tenant(String id, String source, SourceFormat format) {
    return new TenantConfig(id, id, true, new SourceConfig(new SourceLocation(source), Optional.of(format), 24),
        Map.of(), List.of(), Optional.empty());
  }

  private TenantConfig deliverAcme() {
    Path older = local("acme-old", workshopRows(OCT, 0, 3000), 1);
    Path newer = local("acme-new", workshopRows(OCT, 500, 2500), 2);
    Path november = local("acme-nov", workshopRows(NOV, 0, 1500), 1);
    List<String> oldKeys = legacyDelivery("cur/acme/", "acme-cur", OCT, "asm-0001-old", older);
    List<String> newKeys = legacyDelivery("cur/acme/", "acme-cur", OCT, "asm-0002-new", newer);
    periodManifest("cur/acme/", "acme-cur", OCT, "asm-0002-new", newKeys);
    periodManifest("cur/acme/", "acme-cur", NOV, "asm-0003-nov",
        legacyDelivery("cur/acme/", "acme-cur", NOV, "asm-0003-nov", november));
    assertEquals(1, oldKeys.size());
    expected.put("acme/2018-10", spark.read().parquet(newer.toString()));
    expected.put("acme/2018-11", spark.read().parquet(november.toString()));
    return tenant("acme", "s3a://" + LANDING + "/cur/acme", SourceFormat.LEGACY_CUR);
  }

  private TenantConfig deliverGlobex() {
    Path current = work.resolve("raw/globex-current");
    Path stale = work.resolve("raw/globex-stale");
    new GenerateJob(spark).run(new GeneratorSpec("globex", SourceFormat.CUR2, 11, JAN, 1, 2000, 3, Grain.DAILY),
        SourceLocation.parse("path", current.toString(), work));
    new GenerateJob(spark).run(new GeneratorSpec("globex", SourceFormat.CUR2, 12, JAN, 1, 1200, 3, Grain.DAILY),
        SourceLocation.parse("path", stale.toString(), work));
    String data = "exports/globex/globex-cur2/data/BILLING_PERIOD=2024-01/";
    s3.putParquetParts(LANDING, stale.resolve("data/BILLING_PERIOD=2024-01"), data, "stale-execution");
    List<String> keys = s3.putParquetParts(LANDING, current.resolve("data/BILLING_PERIOD=2024-01"), data, "globex-cur2");
    s3.put(LANDING, "exports/globex/globex-cur2/metadata/BILLING_PERIOD=2024-01/globex-cur2-Manifest.json",
        ManifestJson.cur2("globex-cur2", "exec-7f3a", JAN,
            keys.stream().map(k -> "s3://" + LANDING + "/" + k).toList()));
    expected.put("globex/2024-01", spark.read().parquet(current.resolve("data/BILLING_PERIOD=2024-01").toString()));
    return tenant("globex", "s3a://" + LANDING + "/exports/globex", SourceFormat.CUR2);
  }

  /** Initech's October manifest names an object that was never uploaded; November is fine. */
  private TenantConfig deliverInitech() {
    List<String> keys = new java.util.ArrayList<>(legacyDelivery("cur/initech/", "initech-cur", OCT, "asm-1",
        local("initech-oct", workshopRows(OCT, 0, 400), 1)));
    keys.add(keys.get(0).replace("-00001.", "-00002."));
    periodManifest("cur/initech/", "initech-cur", OCT, "asm-1", keys);
    Path november = local("initech-nov", workshopRows(NOV, 0, 300), 1);
    periodManifest("cur/initech/", "initech-cur", NOV, "asm-2",
        legacyDelivery("cur/initech/", "initech-cur", NOV, "asm-2", november));
    expected.put("initech/2018-11", spark.read().parquet(november.toString()));
    return tenant("initech", "s3a://" + LANDING + "/cur/initech", SourceFormat.LEGACY_CUR);
  }

  @Test
  void ingestCurateCheckAndAnalyticsOnS3ReadOnlyTheLatestDeliveries() {
    List<TenantConfig> tenants = List.of(deliverAcme(), deliverGlobex(), deliverInitech());

    IngestReport ingest = new IngestJob(spark, lake, Clock.systemUTC(), false, r -> { }).run(tenants, Optional.empty());
    Map<String, IngestRun> runs = ingest.runs().stream()
        .collect(Collectors.toMap(r -> r.tenantId() + "/" + r.billingPeriod(), r -> r));
    assertEquals(java.util.Set.of("acme/2018-10", "acme/2018-11", "globex/2024-01", "initech/2018-10",
        "initech/2018-11"), runs.keySet());
    IngestRun broken = runs.get("initech/2018-10");
    assertEquals("FAILED", broken.status().name());
    assertTrue(broken.error().matches("tenant 'initech' period 2018-10: manifest s3a://curlake-landing/cur/initech/"
        + "initech-cur/20181001-20181101/initech-cur-Manifest.json \\(delivery asm-1\\) lists cur/initech/initech-cur/"
        + "20181001-20181101/asm-1/initech-cur-00002.snappy.parquet, which is missing from the source"), broken.error());
    expected.forEach((key, raw) -> assertEquals("SUCCEEDED", runs.get(key).status().name(), runs.get(key).error()));

    Dataset<Row> bronze = table(LakeTable.CUR_LINE_ITEMS);
    expected.forEach((key, raw) -> {
      Dataset<Row> partition = partition(bronze, key);
      assertEquals(raw.count(), partition.count(), key + ": rows of the latest delivery only");
      assertEquals(runs.get(key).rowsIn(), partition.count(), key);
      assertEquals(cents(raw, "line_item_unblended_cost"), cents(partition, "line_item_unblended_cost"), key);
    });
    assertEquals(0, bronze.where(col("source_file").contains("asm-0001-old").or(col("source_file").contains("stale")))
        .count(), "neither the superseded legacy delivery nor the stale CUR 2.0 file is read");
    assertEquals(0, partition(bronze, "initech/2018-10").count(), "the failed period wrote nothing");
    assertEquals(5, table(LakeTable.INGEST_RUNS).count());

    List<CurateRun> curated = new CurateJob(spark, lake, rules.validity(), false, r -> { }).run(tenants, Optional.empty());
    assertTrue(curated.stream().noneMatch(CurateRun::failed), curated.toString());
    Dataset<Row> daily = table(LakeTable.FCT_COST_DAILY);
    expected.forEach((key, raw) -> assertEquals(cents(raw, "line_item_unblended_cost"),
        cents(partition(daily, key), "unblended_cost"), key + ": marts reconcile with the raw files to the cent"));

    CheckReport check = new CheckJob(spark, lake, rules.checks(), WebhookNotifier.disabled(), line -> { })
        .run(tenants, Optional.empty(), Instant.parse("2024-02-01T12:00:00Z"));
    List<DqResult> reconciliations = check.results().stream()
        .filter(r -> r.checkId().equals("marts_cost_reconciles_with_bronze") || r.checkId().equals("bronze_rows_match_source"))
        .toList();
    assertEquals(8, reconciliations.size(), reconciliations.toString());
    assertTrue(reconciliations.stream().noneMatch(DqResult::failed), reconciliations.toString());
    assertTrue(table(LakeTable.DQ_RESULTS).count() >= check.results().size());

    AnalyticsRun analytics = new AnalyticsJob(spark, lake, rules.validity(), WebhookNotifier.disabled(), r -> { })
        .run(List.of(tenants.get(1)), Optional.empty(), LocalDate.of(2024, 1, 31)).get(0);
    assertFalse(analytics.failed(), analytics.progressLine());
    assertTrue(table(LakeTable.FCT_COST_ANOMALIES).where(col("tenant_id").equalTo(lit("globex"))).count() > 0);
    assertTrue(s3.keys(LAKE_BUCKET, "lake/bronze/cur_line_items/_delta_log/").size() > 0, "the lake is on S3");
  }

  private Dataset<Row> table(LakeTable table) {
    return spark.read().format("delta").load(table.location(lake));
  }

  private static Dataset<Row> partition(Dataset<Row> rows, String tenantAndPeriod) {
    String[] parts = tenantAndPeriod.split("/");
    return rows.where(col("tenant_id").equalTo(lit(parts[0])).and(col("billing_period").equalTo(lit(parts[1]))));
  }

  private static BigDecimal cents(Dataset<Row> rows, String column) {
    Object total = rows.agg(sum(col(column).cast("decimal(30,10)"))).first().get(0);
    return (total == null ? BigDecimal.ZERO : (BigDecimal) total).setScale(2, RoundingMode.HALF_UP);
  }
}
