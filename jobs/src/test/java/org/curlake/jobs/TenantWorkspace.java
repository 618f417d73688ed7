package org.curlake.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;
import org.curlake.config.TenantConfigLoader;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.quality.QualityRulesLoader;

/**
 * A folder under jobs/target/ holding one synthetic tenant's CUR deliveries and a config directory
 * for it (tenants/&lt;id&gt;.yaml and the project's quality rules), so child JVMs can run the real CLI
 * with {@code --config} and {@code --lake} pointing here.
 */
public final class TenantWorkspace {
  private final Path root;
  private final TenantConfig tenant;

  private TenantWorkspace(Path root, TenantConfig tenant) {
    this.root = root;
    this.tenant = tenant;
  }

  /** Empties {@code jobs/target/<name>}, generates {@code months} periods of legacy CUR from 2024-01 and writes the config. */
  public static TenantWorkspace create(SparkSession spark, String name, String tenantId, int months, long rowsPerMonth) {
    Path root = TestTenants.projectRoot().resolve("jobs/target").resolve(name);
    try {
      deleteRecursively(root);
      Path landing = root.resolve("landing").resolve(tenantId);
      new GenerateJob(spark).run(new GeneratorSpec(tenantId, SourceFormat.LEGACY_CUR, 11, YearMonth.of(2024, 1),
          months, rowsPerMonth, 4, Grain.DAILY), SourceLocation.parse("out", landing.toString(), root));
      Path config = root.resolve("config");
      Files.createDirectories(config.resolve("tenants"));
      Files.createDirectories(config.resolve("quality"));
      Files.copy(TestTenants.projectRoot().resolve("config/quality/rules.yaml"), config.resolve("quality/rules.yaml"));
      Files.writeString(config.resolve("tenants").resolve(tenantId + ".yaml"), String.join("\n",
          "tenant_id: " + tenantId,
          "display_name: " + tenantId,
          "active: true",
          "source:",
          "  path: " + landing,
          "  format: legacy_cur",
          "  freshness_sla_hours: 24",
          "tag_keys: [Environment, CostCenter]",
          ""));
      TenantConfig tenant = new TenantConfigLoader(config).load().require(tenantId);
      return new TenantWorkspace(root, tenant);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  public Path configDir() {
    return root.resolve("config");
  }

  public TenantConfig tenant() {
    return tenant;
  }

  /** A lake folder of this workspace (not created). */
  public Path lake(String name) {
    return root.resolve(name);
  }

  /** The uninterrupted reference: ingest and curate in this JVM's session into {@code lake}. */
  public void ingestAndCurate(SparkSession spark, Path lake) {
    new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, r -> { }).run(List.of(tenant), Optional.empty())
        .runs().forEach(run -> {
          if (run.status() != org.curlake.jobs.ingest.RunStatus.SUCCEEDED) {
            throw new IllegalStateException(run.progressLine());
          }
        });
    new CurateJob(spark, lake.toString(), new QualityRulesLoader(configDir()).load().validity(), false, run -> {
      if (run.failed()) {
        throw new IllegalStateException(run.progressLine());
      }
    }).run(List.of(tenant), Optional.empty());
  }

  /** The CLI arguments selecting this workspace's config and the given lake. */
  public List<String> cliArgs(String command, Path lake) {
    return List.of(command, "--config", configDir().toString(), "--lake", lake.toString());
  }

  /** Deletes a folder tree; a missing folder is fine. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Copies a folder tree (a lake or a Delta table: their logs hold relative paths) into {@code to}. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.sorted().toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
