package org.curlake.jobs.bench;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.curate.CurateJob;
import org.curlake.jobs.curate.ModelRunner;
import org.curlake.jobs.curate.PeriodViews;
import org.curlake.jobs.curate.Quarantine;
import org.curlake.jobs.curate.SqlModel;
import org.curlake.jobs.lake.BillingPeriods;
import org.curlake.jobs.lake.PartitionWriter;
import org.curlake.jobs.spark.LineItemExecution;
import org.curlake.quality.ValidityRule;

/**
 * {@code bench --profile-curate}: times the curate job's period marts one by one on an existing bench
 * lake, and a variant of a mart's SQL beside the committed one, so that a lead can be measured and
 * re-measured. Per tenant, the views are registered as the curate job registers them for all of a
 * tenant's periods in one pass ({@link PeriodViews}); each mart is then written to a scratch lake as
 * curate writes it ({@link PartitionWriter#replacePeriods}, one commit for all periods) or to Spark's
 * {@code noop} sink (compute without the write). With the Delta sink, a mart's view is then the table as
 * written (the variant's, when there is one), so a variant of a later mart can be built from an earlier
 * mart's table, e.g. the aggregations from {@code focus_costs}. Repetition 0 is a warm-up and is left out of the
 * means; committed and variant SQL alternate in which runs first. A variant's rows are compared with
 * the committed model's ({@code EXCEPT ALL} both ways): a faster variant counts only if it is the same
 * table.
 */
public final class CurateProfile {
  /** Where a profiled mart's rows go: the Delta write curate makes, or nowhere (compute only). */
  public enum Sink { DELTA, NOOP }

  /** One timed write of one mart: {@code sql} is {@code committed} or {@code variant}. */
  public record Timing(String tenant, String mart, String sql, int rep, double seconds) {}

  /** A variant against the committed model: rows in each, and rows found only in one of them. */
  public record Comparison(String tenant, String mart, long committedRows, long variantRows, long onlyCommitted,
      long onlyVariant, String schemaDifference) {
    public boolean same() {
      return schemaDifference == null && onlyCommitted == 0 && onlyVariant == 0;
    }
  }

  public record Report(List<Timing> timings, List<Comparison> comparisons) {
    public Report {
      timings = List.copyOf(timings);
      comparisons = List.copyOf(comparisons);
    }

    public boolean variantsSame() {
      return comparisons.stream().allMatch(Comparison::same);
    }

    public double mean(String tenant, String mart, String sql) {
      List<Timing> measured = timings.stream().filter(t -> t.tenant().equals(tenant) && t.mart().equals(mart)
          && t.sql().equals(sql)).toList();
      List<Timing> afterWarmUp = measured.stream().filter(t -> t.rep() > 0).toList();
      return (afterWarmUp.isEmpty() ? measured : afterWarmUp).stream().mapToDouble(Timing::seconds).average()
          .orElse(Double.NaN);
    }
  }

  private final SparkSession spark;
  private final List<ValidityRule> validityRules;
  private final Consumer<String> out;

  public CurateProfile(SparkSession spark, List<ValidityRule> validityRules, Consumer<String> out) {
    this.spark = spark;
    this.validityRules = List.copyOf(validityRules);
    this.out = out;
  }

  /**
   * @param lakeRoot the bench lake (its bronze is read, nothing in it is written)
   * @param scratchDir where the Delta sink writes (cleared first, as a variant may change a mart's
   *     columns): a lake for the committed models, one for the variants
   * @param marts the period marts to time, in order
   * @param variants variant SQL per mart name (may be empty)
   */
  public Report run(String lakeRoot, Path scratchDir, List<TenantConfig> tenants, List<String> marts,
      Map<String, SqlModel> variants, int reps, Sink sink) {
    // Curate's execution settings: the profile times what curate runs.
    return LineItemExecution.run(spark, () -> profile(lakeRoot, scratchDir, tenants, marts, variants, reps, sink));
  }

  private Report profile(String lakeRoot, Path scratchDir, List<TenantConfig> tenants, List<String> marts,
      Map<String, SqlModel> variants, int reps, Sink sink) {
    for (String mart : marts) {
      if (!CurateJob.PERIOD_MARTS.containsKey(mart)) {
        throw new IllegalArgumentException("'" + mart + "' is not a period mart of curate: "
            + CurateJob.PERIOD_MARTS.keySet());
      }
    }
    if (reps < 1) {
      throw new IllegalArgumentException("--reps must be at least 1, not " + reps);
    }
    PartitionWriter lake = new PartitionWriter(spark, lakeRoot);
    Dataset<Row> bronze = lake.read(LakeTable.CUR_LINE_ITEMS).orElseThrow(() -> new IllegalArgumentException(
        "no bronze table in the bench lake " + lakeRoot + ": run ./lakehouse bench with the same --dir first"));
    BenchDirs.delete(scratchDir);
    Map<String, PartitionWriter> scratch = Map.of(
        "committed", new PartitionWriter(spark, scratchDir.resolve("committed").toUri().toString()),
        "variant", new PartitionWriter(spark, scratchDir.resolve("variant").toUri().toString()));
    ModelRunner models = new ModelRunner(spark);
    List<Timing> timings = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    for (TenantConfig tenant : tenants) {
      Dataset<Row> rows = bronze.where(col("tenant_id").equalTo(lit(tenant.id())));
      List<String> periods = BillingPeriods.of(rows);
      if (periods.isEmpty()) {
        out.accept("bench profile tenant=" + tenant.id() + " skipped: no bronze rows");
        continue;
      }
      Map<String, Object> parameters = Map.of("tenant_id", tenant.id());
      PeriodViews.register(spark, models, tenant, Quarantine.valid(rows, validityRules),
          parameters);
      for (int rep = 0; rep < reps; rep++) {
        for (String mart : marts) {
          Map<String, SqlModel> versions = versions(mart, variants, rep);
          for (Map.Entry<String, SqlModel> version : versions.entrySet()) {
            spark.sparkContext().setJobGroup("profile-" + tenant.id() + "-" + mart + "-" + version.getKey(),
                "profile " + mart + " (" + version.getKey() + ") of " + tenant.id() + " rep " + rep, false);
            long started = System.nanoTime();
            try {
              Dataset<Row> martRows = models.run(version.getValue(), parameters);
              CurateJob.writingMart(spark, mart, () -> {
                write(sink, scratch.get(version.getKey()), mart, martRows, tenant.id(), periods);
                return null;
              });
            } finally {
              spark.sparkContext().clearJobGroup();
            }
            Timing timing = new Timing(tenant.id(), mart, version.getKey(), rep, (System.nanoTime() - started) / 1e9);
            timings.add(timing);
            out.accept(String.format(Locale.ROOT, "bench profile tenant=%s mart=%s sql=%s sink=%s rep=%d seconds=%.2f",
                tenant.id(), mart, version.getKey(), sink.name().toLowerCase(Locale.ROOT), rep, timing.seconds()));
          }
          if (sink == Sink.DELTA) {
            // Later marts (variants) select from this one as written: the variant's table when there is one.
            String source = variants.containsKey(mart) ? "variant" : "committed";
            models.input(mart, written(scratch.get(source), mart, tenant.id()));
          }
        }
      }
      for (String mart : marts) {
        if (variants.containsKey(mart)) {
          // With the Delta sink the tables as written are compared; with noop, the models are computed again.
          Comparison comparison = sink == Sink.DELTA
              ? compare(tenant.id(), mart, written(scratch.get("committed"), mart, tenant.id()),
                  written(scratch.get("variant"), mart, tenant.id()))
              : compare(tenant.id(), mart, models.run(SqlModel.load(mart), parameters),
                  models.run(variants.get(mart), parameters));
          comparisons.add(comparison);
          out.accept(String.format(Locale.ROOT, "bench profile tenant=%s mart=%s variant_rows=%d committed_rows=%d "
                  + "only_in_committed=%d only_in_variant=%d same=%s%s", tenant.id(), mart, comparison.variantRows(),
              comparison.committedRows(), comparison.onlyCommitted(), comparison.onlyVariant(), comparison.same(),
              comparison.schemaDifference() == null ? "" : " schema: " + comparison.schemaDifference()));
        }
      }
    }
    Report report = new Report(timings, comparisons);
    summarise(report, tenants, marts, variants);
    return report;
  }

  /**
   * The variant SQL files of {@code dir}: {@code <mart>.sql} for a period mart, each a SELECT like the
   * committed model's, over the same views. Any other file name is refused, naming the file.
   */
  public static Map<String, SqlModel> variants(Path dir) {
    Map<String, SqlModel> variants = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String mart = name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
        if (!name.endsWith(".sql") || !CurateJob.PERIOD_MARTS.containsKey(mart)) {
          throw new IllegalArgumentException("variant " + file + ": expected <mart>.sql for a period mart of curate "
              + CurateJob.PERIOD_MARTS.keySet());
        }
        variants.put(mart, new SqlModel(mart, SqlModel.layerOf(mart), Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the variants folder " + dir + ": " + e.getMessage(), e);
    }
    return variants;
  }

  /** The committed model and, when there is one, the variant; the variant first in odd repetitions. */
  private static Map<String, SqlModel> versions(String mart, Map<String, SqlModel> variants, int rep) {
    Map<String, SqlModel> versions = new LinkedHashMap<>();
    SqlModel variant = variants.get(mart);
    if (variant != null && rep % 2 == 1) {
      versions.put("variant", variant);
    }
    versions.put("committed", SqlModel.load(mart));
    if (variant != null && rep % 2 == 0) {
      versions.put("variant", variant);
    }
    return versions;
  }

  private static void write(Sink sink, PartitionWriter scratch, String mart, Dataset<Row> rows, String tenant,
      List<String> periods) {
    if (sink == Sink.NOOP) {
      rows.write().format("noop").mode("overwrite").save();
    } else {
      scratch.replacePeriods(CurateJob.PERIOD_MARTS.get(mart), rows, tenant, periods, "bench profile " + mart);
    }
  }

  private static Dataset<Row> written(PartitionWriter lake, String mart, String tenant) {
    return lake.read(CurateJob.PERIOD_MARTS.get(mart)).orElseThrow().where(col("tenant_id").equalTo(lit(tenant)));
  }

  private static Comparison compare(String tenant, String mart, Dataset<Row> committed, Dataset<Row> variant) {
    long committedRows = committed.count();
    long variantRows = variant.count();
    // In order: EXCEPT ALL matches columns by position.
    if (!List.copyOf(columns(committed.schema()).entrySet()).equals(List.copyOf(columns(variant.schema()).entrySet()))) {
      return new Comparison(tenant, mart, committedRows, variantRows, committedRows, variantRows,
          schemaDifference(committed.schema(), variant.schema()));
    }
    Dataset<Row> left = comparable(committed);
    Dataset<Row> right = comparable(variant);
    return new Comparison(tenant, mart, committedRows, variantRows, left.exceptAll(right).count(),
        right.exceptAll(left).count(), null);
  }

  /** Column name → type, in order; nullability left out (a Delta read and a computed plan may differ in it). */
  private static Map<String, String> columns(StructType schema) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (StructField field : schema.fields()) {
      columns.put(field.name(), field.dataType().simpleString());
    }
    return columns;
  }

  /** The columns only in one schema, or typed differently, e.g. {@code only in variant: x_Net decimal(30,10)}. */
  private static String schemaDifference(StructType committedSchema, StructType variantSchema) {
    Map<String, String> committed = columns(committedSchema);
    Map<String, String> variant = columns(variantSchema);
    List<String> differences = new ArrayList<>();
    variant.forEach((name, type) -> {
      if (!committed.containsKey(name)) {
        differences.add("only in variant: " + name + " " + type);
      } else if (!committed.get(name).equals(type)) {
        differences.add(name + " is " + committed.get(name) + " committed, " + type + " variant");
      }
    });
    committed.forEach((name, type) -> {
      if (!variant.containsKey(name)) {
        differences.add("only in committed: " + name + " " + type);
      }
    });
    return differences.isEmpty() ? "same columns in another order" : String.join("; ", differences);
  }

  /** Map columns (tags) as sorted entry arrays: EXCEPT ALL cannot compare maps. */
  private static Dataset<Row> comparable(Dataset<Row> rows) {
    Column[] columns = Arrays.stream(rows.schema().fields())
        .map(field -> field.dataType() instanceof MapType
            ? array_sort(map_entries(col(field.name()))).as(field.name())
            : col(field.name()))
        .toArray(Column[]::new);
    return rows.select(columns);
  }

  private void summarise(Report report, List<TenantConfig> tenants, List<String> marts, Map<String, SqlModel> variants) {
    for (TenantConfig tenant : tenants) {
      double committedTotal = 0;
      double variantTotal = 0;
      for (String mart : marts) {
        double committed = report.mean(tenant.id(), mart, "committed");
        if (Double.isNaN(committed)) {
          continue;
        }
        committedTotal += committed;
        variantTotal += variants.containsKey(mart) ? report.mean(tenant.id(), mart, "variant") : committed;
        String line = String.format(Locale.ROOT, "bench profile mean tenant=%s mart=%s committed_seconds=%.2f",
            tenant.id(), mart, committed);
        if (variants.containsKey(mart)) {
          double variant = report.mean(tenant.id(), mart, "variant");
          line += String.format(Locale.ROOT, " variant_seconds=%.2f variant/committed=%.2f", variant, variant / committed);
        }
        out.accept(line);
      }
      if (committedTotal > 0) {
        // The marts as curate would write them with the variants in place of the committed models.
        out.accept(String.format(Locale.ROOT, "bench profile total tenant=%s marts=%d committed_seconds=%.2f "
            + "with_variants_seconds=%.2f ratio=%.2f", tenant.id(), marts.size(), committedTotal, variantTotal,
            variantTotal / committedTotal));
      }
    }
    out.accept("bench profile variants_same=" + report.variantsSame());
  }
}
