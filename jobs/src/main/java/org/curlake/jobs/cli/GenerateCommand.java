package org.curlake.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.config.StorageConfig;
import org.curlake.jobs.generate.GenerateJob;
import org.curlake.jobs.generate.GenerateResult;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code lakehouse generate}: a tenant's synthetic CUR export, deterministic from a seed, in the
 * delivery layout of legacy CUR or CUR 2.0. Exit 0 on success, 2 when an option is invalid.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate a realistic synthetic CUR export (Parquet), deterministic from a seed.")
public final class GenerateCommand implements Callable<Integer> {
  static final int INVALID_OPTIONS = 2;

  @Mixin SparkOptions spark;

  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  @Option(names = "--tenant", defaultValue = "demo", description = "Tenant id (default: ${DEFAULT-VALUE}).")
  String tenant;

  @Option(names = "--format", defaultValue = "cur2",
      description = "Export format: legacy_cur or cur2 (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--seed", defaultValue = "42", description = "Seed; the same seed gives the same rows (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--first-period", defaultValue = "2024-01",
      description = "First billing period, YYYY-MM (default: ${DEFAULT-VALUE}).")
  String firstPeriod;

  @Option(names = "--months", defaultValue = "1", description = "Billing periods to generate (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--rows-per-month", defaultValue = "100000",
      description = "Line items in a 31-day billing period; shorter months get proportionally fewer"
          + " (default: ${DEFAULT-VALUE}).")
  long rowsPerMonth;

  @Option(names = "--accounts", defaultValue = "3",
      description = "Accounts including the payer account, 1-50 (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--grain", defaultValue = "hourly", description = "hourly or daily (default: ${DEFAULT-VALUE}).")
  String grain;

  @Option(names = "--config", defaultValue = "${env:CURLAKE_CONFIG:-config}",
      description = "Config directory; its storage.yaml says how to reach s3a:// (default: ${DEFAULT-VALUE}).")
  Path configDir;

  @Option(names = "--out", required = true,
      description = "Output root: a local folder or s3a://bucket/prefix; periods go to year=/month= or data/BILLING_PERIOD= below it.")
  String out;

  @Override
  public Integer call() {
    GeneratorSpec spec;
    SourceLocation output;
    try {
      spec = new GeneratorSpec(tenant, parseFormat(format), seed, parsePeriod(firstPeriod), months, rowsPerMonth,
          accounts, Grain.parse(grain));
      output = SourceLocation.parse("--out", out, Path.of("").toAbsolutePath());
    } catch (IllegalArgumentException e) {
      PrintWriter err = command.commandLine().getErr();
      err.println("generate: " + e.getMessage());
      err.flush();
      return INVALID_OPTIONS;
    }
    SparkSession session = spark.session("curlake-generate", StorageConfig.load(configDir.toAbsolutePath().normalize()));
    PrintWriter stdout = command.commandLine().getOut();
    GenerateResult result = new GenerateJob(session).run(spec, output, period -> {
      stdout.println(period.progressLine());
      stdout.flush();
    });
    stdout.printf(Locale.ROOT, "generate tenant=%s format=%s periods=%d rows=%d files=%d seconds=%.1f out=%s%n",
        result.tenantId(), result.format().configName(), result.periods().size(), result.totalRows(),
        result.totalFiles(), result.seconds(), result.output());
    stdout.flush();
    return 0;
  }

  private static SourceFormat parseFormat(String value) {
    return SourceFormat.parse("--format", value == null ? null : value.strip().toLowerCase(Locale.ROOT));
  }

  private static YearMonth parsePeriod(String value) {
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("--first-period '" + value + "' is not a YYYY-MM billing period");
    }
  }
}
