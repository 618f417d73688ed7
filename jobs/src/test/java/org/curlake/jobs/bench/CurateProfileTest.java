package org.curlake.jobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.curate.SqlModel;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.quality.QualityRulesLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --profile-curate} on a small bench lake: every mart and variant is timed in every
 * repetition and written to its scratch lake, a variant that computes the same table is reported the
 * same, and one that changes rows or columns is reported different with the rows or columns named.
 * No timing is asserted.
 */
class CurateProfileTest {
  @TempDir static Path dir;
  private static BenchDataset data;
  private static final SparkSession SPARK = SharedSpark.session();

  @BeforeAll
  static void benchLake() {
    data = BenchDataset.plan(dir, 1_500, 1, 1, 5);
    data.generate(SPARK, line -> { });
    new IngestJob(SPARK, dir.resolve("lake").toUri().toString(), Clock.systemUTC(), false, run -> { })
        .run(data.configs(), Optional.empty());
  }

  @Test
  void timesEachMartAndVariantAndComparesTheirRows() throws Exception {
    Path variants = Files.createDirectories(dir.resolve("variants"));
    // Same table, other SQL: count(*) as sum(1); the tag map read from focus_costs as written is compared too.
    writeVariant(variants, "fct_cost_daily", "count(*) as line_item_count", "sum(1) as line_item_count");
    writeVariant(variants, "focus_costs", "'AWS' as ProviderName", "concat('AW', 'S') as ProviderName");
    // Another table: the untagged bucket renamed.
    writeVariant(variants, "fct_cost_by_tag", "'untagged'", "'none'");
    List<String> lines = new ArrayList<>();

    CurateProfile.Report report = profile(List.of("focus_costs", "fct_cost_daily", "fct_cost_by_tag"),
        CurateProfile.variants(variants), 2, CurateProfile.Sink.DELTA, lines);

    String output = String.join("\n", lines);
    assertEquals(3 * 2 * 2, report.timings().size(), output);
    assertTrue(report.timings().stream().allMatch(t -> t.seconds() > 0), output);
    Map<String, CurateProfile.Comparison> byMart = new java.util.HashMap<>();
    report.comparisons().forEach(c -> byMart.put(c.mart(), c));
    assertTrue(byMart.get("fct_cost_daily").same() && byMart.get("focus_costs").same(), output);
    assertEquals(data.totalRows(), byMart.get("focus_costs").committedRows(), "one focus_costs row per line item");
    CurateProfile.Comparison tags = byMart.get("fct_cost_by_tag");
    assertFalse(tags.same(), output);
    assertTrue(tags.onlyCommitted() > 0 && tags.onlyCommitted() == tags.onlyVariant(), output);
    assertFalse(report.variantsSame());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("bench profile total tenant=bench1 marts=3 ")), output);
    assertTrue(lines.contains("bench profile variants_same=false"), output);
    for (String lake : List.of("committed", "variant")) {
      assertTrue(Files.isDirectory(Path.of(LakeTable.FCT_COST_BY_TAG.location(
          dir.resolve("profile-lake").resolve(lake).toString())).resolve("_delta_log")), lake + " lake written");
    }
  }

  @Test
  void comparesComputedMartsByNameAndTypeNamingAddedColumnsAndRefusesFilesThatAreNotAPeriodMart() throws Exception {
    Path variants = Files.createDirectories(dir.resolve("variants-columns"));
    // sum(1) is nullable where count(*) is not: the same table all the same.
    writeVariant(variants, "fct_cost_daily", "count(*) as line_item_count", "sum(1) as line_item_count");
    writeVariant(variants, "fct_cost_by_tag", "sum(line_item_count) as line_item_count",
        "sum(line_item_count) as line_item_count, 1 as x_extra");
    List<String> lines = new ArrayList<>();

    // The noop sink: computed, not written; the variants are compared by computing both again.
    CurateProfile.Report report = profile(List.of("fct_cost_daily", "fct_cost_by_tag"), CurateProfile.variants(variants),
        1, CurateProfile.Sink.NOOP, lines);

    String output = String.join("\n", lines);
    assertEquals(4, report.timings().size(), "one repetition of each committed model and variant: " + output);
    assertTrue(report.comparisons().get(0).same(), output);
    assertEquals("only in variant: x_extra int", report.comparisons().get(1).schemaDifference(), output);
    Path stray = Files.createDirectories(dir.resolve("variants-stray"));
    Files.writeString(stray.resolve("fct_cost_monthly.sql"), "select 1");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CurateProfile.variants(stray));
    assertTrue(refused.getMessage().contains("fct_cost_monthly.sql"), refused.getMessage());
  }

  /** {@code <mart>.sql} in {@code dir}: the committed model with {@code from} replaced, which must occur in it. */
  private static void writeVariant(Path dir, String mart, String from, String to) throws Exception {
    String committed = SqlModel.load(mart).sql();
    assertTrue(committed.contains(from), mart + " contains '" + from + "'");
    Files.writeString(dir.resolve(mart + ".sql"), committed.replace(from, to));
  }

  private static CurateProfile.Report profile(List<String> marts, Map<String, SqlModel> variants, int reps,
      CurateProfile.Sink sink, List<String> lines) {
    return new CurateProfile(SPARK, new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load().validity(),
        lines::add).run(dir.resolve("lake").toUri().toString(), dir.resolve("profile-lake"),
        data.configs(), marts, variants, reps, sink);
  }
}
