package org.curlake.jobs.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.curlake.config.AccountInfo;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TenantWorkspace;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.CurateRun;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.ingest.IngestRun;
import org.curlake.jobs.ingest.RunStatus;
import org.curlake.quality.QualityRulesLoader;

/**
 * The real WorkshopCUR (all four months) ingested and curated by the real jobs into
 * {@code jobs/target/workshop-lake}, once per test JVM: built on first use, thread-safe, then shared.
 * Ingesting and curating 335k rows takes minutes, so the test classes that need this lake share one.
 * <p>
 * The shared lake is read-only: a test that writes to a lake (reruns, more tenants, analytics) takes a
 * {@link #privateCopy}, a copy of the directory tree (Delta logs hold relative paths, so a copied table is a
 * valid table with the same versions and contents).
 */
public final class WorkshopLake {
  private static final Path ROOT = TestTenants.projectRoot().resolve("jobs/target/workshop-lake");
  private static Built built;

  private record Built(Path lake, List<IngestRun> ingestRuns, List<CurateRun> curateRuns) {}

  private WorkshopLake() {}

  /** The workshop tenant the lake is built for: its payer account in a business unit, two tag keys. */
  public static TenantConfig tenant() {
    TenantConfig base = TestTenants.workshop();
    return new TenantConfig(base.id(), base.displayName(), true, base.source(),
        Map.of("836060457634", new AccountInfo("836060457634", "workshop-payer", "Platform")),
        List.of("Environment", "user:CostCenter"), Optional.empty());
  }

  /** The shared lake; do not write to it (take a {@link #privateCopy} instead). */
  public static Path path() {
    return build().lake();
  }

  /** The ingest runs that built the lake, one per billing period. */
  public static List<IngestRun> ingestRuns() {
    return build().ingestRuns();
  }

  /** The curate runs that built the lake: one per billing period, then the tenant marts. */
  public static List<CurateRun> curateRuns() {
    return build().curateRuns();
  }

  /** A fresh copy of the lake at {@code jobs/target/workshop-lake-copies/<name>}, for a test to write to. */
  public static Path privateCopy(String name) {
    return copyTo(ROOT.resolveSibling("workshop-lake-copies").resolve(name));
  }

  /** A fresh copy of the lake at {@code to} (emptied first), for a test to write to. */
  public static Path copyTo(Path to) {
    Path from = path();
    try {
      TenantWorkspace.deleteRecursively(to);
      TenantWorkspace.copyTree(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the workshop lake to " + to, e);
    }
    return to;
  }

  /** Deletes a private copy once its test is done. */
  public static void deleteCopy(Path copy) throws IOException {
    TenantWorkspace.deleteRecursively(copy);
  }

  private static synchronized Built build() {
    if (built == null) {
      try {
        TenantWorkspace.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      var spark = SharedSpark.session();
      List<TenantConfig> tenants = List.of(tenant());
      List<IngestRun> ingested = new IngestJob(spark, ROOT.toString(), Clock.systemUTC(), false, r -> { })
          .run(tenants, Optional.empty()).runs();
      ingested.stream().filter(run -> run.status() != RunStatus.SUCCEEDED).findFirst().ifPresent(run -> {
        throw new IllegalStateException("ingest of the workshop lake failed: " + run.progressLine());
      });
      List<CurateRun> curated = new CurateJob(spark, ROOT.toString(),
          new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load().validity(), false, r -> { })
          .run(tenants, Optional.empty());
      built = new Built(ROOT, List.copyOf(ingested), List.copyOf(curated));
    }
    return built;
  }
}
