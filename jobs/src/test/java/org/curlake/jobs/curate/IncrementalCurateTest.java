package org.curlake.jobs.curate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.catalog.LakeTable;
import org.curlake.config.TenantConfig;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.TestTenants;
import org.curlake.jobs.ingest.IngestJob;
import org.curlake.jobs.ingest.RunStatus;
import org.curlake.jobs.lake.TableChecksum;
import org.curlake.quality.QualityRulesLoader;
import org.curlake.quality.ValidityRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Curation in one pass over the changed periods, and the incremental tenant-wide marts: after a
 * month in the middle of the history is restated, only it is curated again, and every mart equals
 * what a forced full curation of the same bronze computes.
 */
class IncrementalCurateTest {
  private final SparkSession spark = SharedSpark.session();
  private final List<ValidityRule> rules =
      new QualityRulesLoader(TestTenants.projectRoot().resolve("config")).load().validity();
  @TempDir Path lake;
  @TempDir Path source;

  @Test
  void restatedMiddleMonthIsCuratedAloneAndTheMartsEqualAFullRebuild() {
    TenantConfig tenant = TestTenants.tenant("acme", source, Optional.empty());
    for (int month : new int[] {10, 11, 12}) {
      deliver(month, workshopMonth(month).limit(1500));
    }
    ingest(tenant);
    List<CurateRun> first = curate(tenant, false);
    assertEquals(4, first.size(), first.toString());
    first.forEach(run -> assertEquals(RunStatus.SUCCEEDED, run.status(), run.progressLine()));
    first.stream().filter(run -> run.billingPeriod() != null)
        .forEach(run -> assertEquals(1500, run.validRows() + run.quarantinedRows(), run.progressLine()));

    // November is restated: fewer line items, other costs. Its month-over-month change and December's move.
    deliver(11, workshopMonth(11).limit(900).withColumn("line_item_unblended_cost", lit(2.5)));
    ingest(tenant);
    List<CurateRun> rerun = curate(tenant, false);
    Map<String, RunStatus> statuses = new LinkedHashMap<>();
    rerun.forEach(run -> statuses.put(String.valueOf(run.billingPeriod()), run.status()));
    assertEquals(Map.of("2018-10", RunStatus.SKIPPED, "2018-11", RunStatus.SUCCEEDED, "2018-12", RunStatus.SKIPPED,
        "null", RunStatus.SUCCEEDED), statuses);
    Map<LakeTable, TableChecksum> incremental = marts("acme");
    assertEquals(900, daily("acme").where(col("billing_period").equalTo("2018-11"))
        .agg(org.apache.spark.sql.functions.sum("line_item_count")).first().getLong(0));

    curate(tenant, true).forEach(run -> assertEquals(RunStatus.SUCCEEDED, run.status(), run.progressLine()));
    assertEquals(marts("acme"), incremental, "incremental curation equals a full rebuild");
  }

  private Map<LakeTable, TableChecksum> marts(String tenant) {
    Map<LakeTable, TableChecksum> checksums = new LinkedHashMap<>();
    for (LakeTable table : List.of(LakeTable.FCT_COST_DAILY, LakeTable.FCT_COST_BY_TAG, LakeTable.FOCUS_COSTS,
        LakeTable.FCT_COST_MONTHLY, LakeTable.DIM_ACCOUNTS, LakeTable.DIM_SERVICES)) {
      checksums.put(table, TableChecksum.of(read(table).where(col("tenant_id").equalTo(tenant))));
    }
    assertTrue(checksums.get(LakeTable.FCT_COST_MONTHLY).rows() > 0, checksums.toString());
    return checksums;
  }

  private Dataset<Row> daily(String tenant) {
    return read(LakeTable.FCT_COST_DAILY).where(col("tenant_id").equalTo(tenant));
  }

  private Dataset<Row> read(LakeTable table) {
    return spark.read().format("delta").load(table.location(lake.toString()));
  }

  private List<CurateRun> curate(TenantConfig tenant, boolean force) {
    return new CurateJob(spark, lake.toString(), rules, force, run -> { }).run(List.of(tenant), Optional.empty());
  }

  private void ingest(TenantConfig tenant) {
    new IngestJob(spark, lake.toString(), Clock.systemUTC(), false, run -> { })
        .run(List.of(tenant), Optional.empty()).runs()
        .forEach(run -> assertTrue(run.status() != RunStatus.FAILED, run.progressLine()));
  }

  private Dataset<Row> workshopMonth(int month) {
    return spark.read().parquet(TestTenants.workshopData().resolve("year=2018/month=" + month).toString())
        .orderBy(col("identity_line_item_id"), col("line_item_usage_start_date"));
  }

  private void deliver(int month, Dataset<Row> rows) {
    rows.coalesce(1).write().mode("overwrite").parquet(source.resolve("year=2018/month=" + month).toString());
  }
}
