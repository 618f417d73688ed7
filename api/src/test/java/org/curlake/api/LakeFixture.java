package org.curlake.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.AnomalyConfig;
import org.curlake.config.BudgetConfig;
import org.curlake.config.IdleThresholds;
import org.curlake.config.SourceConfig;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.analytics.AnalyticsJob;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.quality.CheckJob;
import org.curlake.jobs.quality.WebhookNotifier;
import org.curlake.jobs.spark.SparkSessions;
import org.curlake.quality.QualityRules;
import org.curlake.quality.QualityRulesLoader;

/**
 * The curated lake the API tests read, built once per test run by the real jobs: two synthetic
 * tenants (acme: legacy CUR, globex: CUR 2.0) generated, ingested, curated, checked and analysed
 * into {@code api/target/api-test-lake}. Expected numbers are computed independently with Spark
 * SQL over the written Delta tables ({@link #sql}). Spark is on the api module's test classpath only.
 */
public final class LakeFixture {
  public static final List<String> TENANTS = List.of("acme", "globex");
  public static final LocalDate AS_OF = LocalDate.of(2025, 8, 20);
  public static final Instant CHECKED_AT = Instant.parse("2025-08-22T06:00:00Z");
  private static LakeFixture shared;

  private final SparkSession spark;
  private final Path root;

  private LakeFixture(SparkSession spark, Path root) {
    this.spark = spark;
    this.root = root;
  }

  /** The one lake of this test run (built on first use). */
  public static synchronized LakeFixture shared() {
    if (shared == null) {
      Path root = projectRoot().resolve("api/target/api-test-lake").toAbsolutePath();
      shared = new LakeFixture(SparkSessions.local("curlake-api-tests", 2, 2), root);
      shared.build();
    }
    return shared;
  }

  public static Path projectRoot() {
    String root = System.getProperty("curlake.project.root");
    return (root == null ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
  }

  public String lake() {
    return root.resolve("lake").toString();
  }

  public SparkSession spark() {
    return spark;
  }

  /** Runs Spark SQL in which every lake table is a view named after it (fct_cost_daily, ...). */
  public List<Row> sql(String query) {
    return spark.sql(query).collectAsList();
  }

  /** A single decimal (null as zero) from Spark SQL, rounded to the cent. */
  public BigDecimal usd(String query) {
    Object value = sql(query).get(0).get(0);
    return (value == null ? BigDecimal.ZERO : new BigDecimal(value.toString())).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  public TenantConfig tenant(String id) {
    Path landing = root.resolve("landing").resolve(id);
    SourceLocation location = SourceLocation.parse("path", landing.toString(), projectRoot());
    BigDecimal budget = id.equals("acme") ? new BigDecimal("100") : new BigDecimal("100000");
    return new TenantConfig(id, id.toUpperCase(), true, new SourceConfig(location, Optional.empty(), 48), Map.of(),
        List.of("Environment", "Team"), Optional.of(new BudgetConfig(budget, 80)), IdleThresholds.DEFAULTS,
        new AnomalyConfig(1.0, 3.0));
  }

  private void build() {
    Path complete = root.resolve("COMPLETE");
    if (Boolean.getBoolean("curlake.api.reuseLake") && Files.exists(complete)) {
      registerViews(); // developer shortcut (-Dcurlake.api.reuseLake=true): keep the last run's lake
      return;
    }
    deleteTree(root);
    QualityRules rules = new QualityRulesLoader(projectRoot().resolve("config")).load();
    List<TenantConfig> tenants = TENANTS.stream().map(this::tenant).toList();
    for (TenantConfig tenant : tenants) {
      SourceFormat format = tenant.id().equals("acme") ? SourceFormat.LEGACY_CUR : SourceFormat.CUR2;
      new GenerateJob(spark).run(new GeneratorSpec(tenant.id(), format, tenant.id().length() * 31L, YearMonth.of(2025, 6), 3,
          2500, 3, Grain.DAILY), tenant.source().location());
    }
    new IngestJob(spark, lake(), Clock.systemUTC(), false, r -> { }).run(tenants, Optional.empty());
    new CurateJob(spark, lake(), rules.validity(), false, r -> { }).run(tenants, Optional.empty());
    new CheckJob(spark, lake(), rules.checks(), WebhookNotifier.disabled(), r -> { }).run(tenants, Optional.empty(), CHECKED_AT);
    new AnalyticsJob(spark, lake(), rules.validity(), WebhookNotifier.disabled(), r -> { }).run(tenants, Optional.empty(), AS_OF);
    registerViews();
    try {
      Files.writeString(complete, "built by LakeFixture\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void registerViews() {
    for (LakeTable table : LakeTable.values()) {
      if (Files.isDirectory(Path.of(table.location(lake())).resolve("_delta_log"))) {
        spark.read().format("delta").load(table.location(lake())).createOrReplaceTempView(table.tableName());
      }
    }
  }

  /** Deletes a folder and everything in it (test output under target/ only). */
  public static void deleteTree(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
