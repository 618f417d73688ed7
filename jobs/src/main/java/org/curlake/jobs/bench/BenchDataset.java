package org.curlake.jobs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.BudgetConfig;
import org.curlake.config.SourceConfig;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;

/**
 * The benchmark's raw CUR: {@code tenants} synthetic tenants (legacy CUR and CUR 2.0 in turn), each
 * {@code months} billing periods, {@code totalRows} line items in all, written by the generator
 * under {@code <dir>/raw/<tenant>}. A tenant whose folder already holds the same spec is not
 * generated again (its spec is recorded beside the data).
 *
 * @param dir the bench folder
 * @param tenants the tenants, each with the spec of its data and the config the jobs run it with
 */
public record BenchDataset(Path dir, List<BenchTenant> tenants) {
  public static final YearMonth FIRST_PERIOD = YearMonth.of(2024, 1);
  /** Bumped when the generator's output for the same spec changes. */
  private static final int GENERATOR_VERSION = 2;
  public static final List<String> TAG_KEYS = List.of("Environment", "CostCenter", "Project", "Team");

  /** One benchmark tenant: what is generated for it and how the jobs see it. */
  public record BenchTenant(GeneratorSpec spec, TenantConfig config) {
    public Path source() {
      return Path.of(config.source().location().uri());
    }
  }

  public BenchDataset {
    tenants = List.copyOf(tenants);
  }

  public static BenchDataset plan(Path dir, long totalRows, int tenantCount, int months, long seed) {
    if (tenantCount < 1 || months < 1) {
      throw new IllegalArgumentException("--tenants and --months must be at least 1");
    }
    // rows_per_month is a 31-day month's count (shorter months get proportionally fewer): size it so
    // that every tenant's months add up to about totalRows / tenants.
    long days = 0;
    for (int m = 0; m < months; m++) {
      days += FIRST_PERIOD.plusMonths(m).lengthOfMonth();
    }
    long rowsPerMonth = Math.max(1, Math.round(totalRows * 31.0 / ((double) tenantCount * days)));
    List<BenchTenant> tenants = new ArrayList<>();
    for (int i = 0; i < tenantCount; i++) {
      SourceFormat format = i % 2 == 0 ? SourceFormat.LEGACY_CUR : SourceFormat.CUR2;
      String id = "bench" + (i + 1);
      GeneratorSpec spec = new GeneratorSpec(id, format, seed + i, FIRST_PERIOD, months, rowsPerMonth, 6,
          i % 2 == 0 ? Grain.DAILY : Grain.HOURLY);
      tenants.add(new BenchTenant(spec, tenant(id, dir.resolve("raw").resolve(id), format)));
    }
    return new BenchDataset(dir.toAbsolutePath().normalize(), tenants);
  }

  /** A tenant over {@code source}, as a tenants/*.yaml file would configure it. */
  public static TenantConfig tenant(String id, Path source, SourceFormat format) {
    SourceLocation location = SourceLocation.parse("source.path", source.toAbsolutePath().toString(),
        source.toAbsolutePath().getRoot());
    return new TenantConfig(id, "benchmark tenant " + id, true, new SourceConfig(location, Optional.of(format), 24),
        Map.of(), TAG_KEYS, Optional.of(new BudgetConfig(new BigDecimal("1000000"), 80)));
  }

  public long totalRows() {
    return tenants.stream().mapToLong(t -> t.spec().totalRows()).sum();
  }

  public List<TenantConfig> configs() {
    return tenants.stream().map(BenchTenant::config).toList();
  }

  /** Generates every tenant whose folder does not already hold its spec's data; returns the rows generated. */
  public long generate(SparkSession spark, Consumer<String> progress) {
    long generated = 0;
    for (BenchTenant tenant : tenants) {
      Path marker = tenant.source().resolve("_bench_spec");
      if (marker(tenant.spec()).equals(read(marker))) {
        progress.accept("bench generate tenant=" + tenant.spec().tenantId() + " reused=" + tenant.source());
        continue;
      }
      GenerateJob job = new GenerateJob(spark);
      job.run(tenant.spec(), tenant.config().source().location(), period -> progress.accept("bench " + period.progressLine()));
      write(marker, marker(tenant.spec()));
      generated += tenant.spec().totalRows();
    }
    return generated;
  }

  /**
   * What the reuse marker records: the spec and the generator's version, so data from an older generator
   * (version 1 gave every month the same row count) is generated again.
   */
  private static String marker(GeneratorSpec spec) {
    return "generator=" + GENERATOR_VERSION + " " + spec;
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
