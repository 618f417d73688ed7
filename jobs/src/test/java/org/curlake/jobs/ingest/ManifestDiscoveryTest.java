package org.curlake.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.curlake.config.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifest-driven discovery on small local fixtures (file contents do not matter here: discovery
 * only lists, stats and reads manifests): the latest delivery of each period, exactly its files.
 */
class ManifestDiscoveryTest {
  private static final YearMonth OCT = YearMonth.of(2018, 10);
  private static final YearMonth NOV = YearMonth.of(2018, 11);
  @TempDir Path source;

  private List<PeriodDelivery> discover() {
    return new SourceDiscovery(new Configuration()).discover("acme",
        SourceLocation.parse("path", source.toString(), source));
  }

  private void write(String relative, String content) throws IOException {
    Path file = source.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static List<String> names(PeriodDelivery delivery) {
    return delivery.files().stream().map(f -> f.path().substring(f.path().indexOf("/acme-cur/") + 1)).toList();
  }

  /** A legacy delivery: the files under {@code acme-cur/<range>/<assembly>/} and the assembly's own manifest copy. */
  private List<String> legacyDelivery(YearMonth period, String assembly, int files) throws IOException {
    String folder = "acme-cur/" + ManifestJson.legacyRangeFolder(period) + "/" + assembly + "/";
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 1; i <= files; i++) {
      write(folder + "acme-cur-0000" + i + ".snappy.parquet", "rows of " + assembly);
      keys.add("cur/" + folder + "acme-cur-0000" + i + ".snappy.parquet");
    }
    write(folder + "acme-cur-Manifest.json", ManifestJson.legacy("acme-cur", assembly, period, "billing", keys));
    return keys;
  }

  private void periodManifest(YearMonth period, String assembly, List<String> keys) throws IOException {
    write("acme-cur/" + ManifestJson.legacyRangeFolder(period) + "/acme-cur-Manifest.json",
        ManifestJson.legacy("acme-cur", assembly, period, "billing", keys));
  }

  @Test
  void legacyReadsOnlyTheDeliveryThePeriodManifestNames() throws IOException {
    List<String> old = legacyDelivery(OCT, "asm-old", 3);
    List<String> current = legacyDelivery(OCT, "asm-new", 2);
    periodManifest(OCT, "asm-new", current);
    periodManifest(NOV, "asm-nov", legacyDelivery(NOV, "asm-nov", 1));
    assertEquals(3, old.size());

    List<PeriodDelivery> found = discover();
    assertEquals(2, found.size());
    PeriodDelivery october = found.get(0);
    assertEquals(BillingPeriod.parse("2018-10"), october.period());
    assertEquals(Optional.empty(), october.problem());
    assertEquals(List.of("acme-cur/20181001-20181101/asm-new/acme-cur-00001.snappy.parquet",
        "acme-cur/20181001-20181101/asm-new/acme-cur-00002.snappy.parquet"), names(october));
    assertTrue(october.manifest().orElseThrow().endsWith("acme-cur/20181001-20181101/acme-cur-Manifest.json"));
    assertEquals(List.of("acme-cur/20181101-20181201/asm-nov/acme-cur-00001.snappy.parquet"), names(found.get(1)));
  }

  @Test
  void withoutAPeriodManifestTheNewestDeliveryWins() throws IOException {
    legacyDelivery(OCT, "asm-b", 1);
    legacyDelivery(OCT, "asm-a", 2);
    Path olderManifest = source.resolve("acme-cur/20181001-20181101/asm-a/acme-cur-Manifest.json");
    Path newerManifest = source.resolve("acme-cur/20181001-20181101/asm-b/acme-cur-Manifest.json");
    Files.setLastModifiedTime(olderManifest, FileTime.fromMillis(1_540_000_000_000L));
    Files.setLastModifiedTime(newerManifest, FileTime.fromMillis(1_540_086_400_000L));
    assertEquals(List.of("acme-cur/20181001-20181101/asm-b/acme-cur-00001.snappy.parquet"), names(discover().get(0)));

    Files.setLastModifiedTime(newerManifest, FileTime.fromMillis(1_540_000_000_000L));
    String problem = discover().get(0).problem().orElseThrow();
    assertTrue(problem.contains("were written at the same time"), problem);
  }

  @Test
  void cur2ReadsTheFilesOfTheCurrentExecutionOnly() throws IOException {
    String data = "exports/globex/data/BILLING_PERIOD=2024-01/";
    write("globex/data/BILLING_PERIOD=2024-01/stale-00001.snappy.parquet", "previous execution");
    write("globex/data/BILLING_PERIOD=2024-01/globex-00001.snappy.parquet", "current");
    write("globex/data/BILLING_PERIOD=2024-01/globex-00002.snappy.parquet", "current");
    write("globex/metadata/BILLING_PERIOD=2024-01/globex-Manifest.json", ManifestJson.cur2("globex", "exec-2",
        YearMonth.of(2024, 1), List.of("s3://billing/" + data + "globex-00001.snappy.parquet",
            "s3://billing/" + data + "globex-00002.snappy.parquet")));
    List<PeriodDelivery> found = discover();
    assertEquals(1, found.size());
    assertEquals(BillingPeriod.parse("2024-01"), found.get(0).period());
    assertEquals(List.of("globex-00001.snappy.parquet", "globex-00002.snappy.parquet"),
        found.get(0).files().stream().map(f -> f.path().substring(f.path().lastIndexOf('/') + 1)).toList());
  }

  @Test
  void aManifestListingAMissingFileFailsOnlyItsPeriod() throws IOException {
    List<String> keys = legacyDelivery(OCT, "asm-1", 2);
    Files.delete(source.resolve("acme-cur/20181001-20181101/asm-1/acme-cur-00002.snappy.parquet"));
    periodManifest(OCT, "asm-1", keys);
    periodManifest(NOV, "asm-nov", legacyDelivery(NOV, "asm-nov", 1));
    List<PeriodDelivery> found = discover();
    String problem = found.get(0).problem().orElseThrow();
    assertTrue(problem.matches("manifest \\S+/acme-cur/20181001-20181101/acme-cur-Manifest.json \\(delivery asm-1\\) "
        + "lists cur/acme-cur/20181001-20181101/asm-1/acme-cur-00002.snappy.parquet, which is missing from the source"),
        problem);
    assertEquals(List.of(), found.get(0).files());
    assertEquals(Optional.empty(), found.get(1).problem());
  }

  @Test
  void periodsWithFilesButNoManifestAndAmbiguousReportsFailClearly() throws IOException {
    periodManifest(OCT, "asm-1", legacyDelivery(OCT, "asm-1", 1));
    write("acme-cur/acme-cur/year=2018/month=12/acme-cur-00001.snappy.parquet", "no manifest");
    write("other-cur/20181001-20181101/other-cur-Manifest.json",
        ManifestJson.legacy("other-cur", "asm-x", OCT, "billing", List.of("cur/other-cur/x.parquet")));
    List<PeriodDelivery> found = discover();
    assertEquals(List.of("2018-10", "2018-12"), found.stream().map(d -> d.period().toString()).toList());
    assertTrue(found.get(0).problem().orElseThrow().startsWith("more than one report or export delivers this period"));
    assertTrue(found.get(1).problem().orElseThrow().startsWith("Parquet files were delivered for this period (e.g. "
        + "acme-cur/acme-cur/year=2018/month=12/acme-cur-00001.snappy.parquet) but no manifest lists them"));
  }

  @Test
  void anUnreadableManifestFailsItsPeriod() throws IOException {
    write("globex/metadata/BILLING_PERIOD=2024-02/globex-Manifest.json", "{ truncated");
    PeriodDelivery february = discover().get(0);
    assertEquals(BillingPeriod.parse("2024-02"), february.period());
    assertTrue(february.problem().orElseThrow().contains("cannot be used: manifest is not valid JSON"),
        february.problem().get());
  }

  @Test
  void parsesAndRefusesManifests() {
    CurManifest legacy = CurManifest.parse("s3a://b/cur/r/20181001-20181101/r-Manifest.json",
        ManifestJson.legacy("r", "asm", OCT, "b", List.of("cur/r/20181001-20181101/asm/r-1.parquet")), 7L);
    assertEquals(new CurManifest("s3a://b/cur/r/20181001-20181101/r-Manifest.json", BillingPeriod.parse("2018-10"),
        "asm", List.of("cur/r/20181001-20181101/asm/r-1.parquet"), Optional.of("b"), true, 7L), legacy);
    CurManifest cur2 = CurManifest.parse("file:/x/e/metadata/BILLING_PERIOD=2024-01/e-Manifest.json",
        ManifestJson.cur2("e", "exec", YearMonth.of(2024, 1), List.of("s3://b/e/data/BILLING_PERIOD=2024-01/1.parquet")),
        9L);
    assertEquals("exec", cur2.deliveryId());
    assertTrue(cur2.periodLevel());
    assertEquals("manifest has neither reportKeys (legacy CUR) nor dataFiles (CUR 2.0)",
        assertThrows(IllegalArgumentException.class, () -> CurManifest.parse("m", "{\"a\":1}", 0)).getMessage());
    assertEquals("manifest billingPeriod.start '20181015T000000.000Z' is not the first day of a month "
        + "(yyyyMMddT000000.000Z)", assertThrows(IllegalArgumentException.class, () -> CurManifest.parse("m",
            "{\"assemblyId\":\"a\",\"billingPeriod\":{\"start\":\"20181015T000000.000Z\"},\"reportKeys\":[]}", 0))
        .getMessage());
    assertEquals("manifest billingPeriod.start '2024-02-01T00:00:00.000Z' disagrees with its folder "
        + "BILLING_PERIOD=2024-01", assertThrows(IllegalArgumentException.class, () -> CurManifest.parse(
            "file:/x/e/metadata/BILLING_PERIOD=2024-01/e-Manifest.json",
            ManifestJson.cur2("e", "exec", YearMonth.of(2024, 2), List.of()), 0)).getMessage());
    assertEquals("manifest field assemblyId is missing or not a string", assertThrows(IllegalArgumentException.class,
        () -> CurManifest.parse("m", "{\"billingPeriod\":{\"start\":\"20181001T000000.000Z\"},\"reportKeys\":[]}", 0))
        .getMessage());
  }

  @Test
  void s3KeysMustLieUnderTheTenantsBucketAndPrefix() {
    ManifestDeliveries s3 = new ManifestDeliveries(SourceLocation.parse("path", "s3a://billing/cur/acme", source),
        Map.of());
    CurManifest manifest = new CurManifest("s3a://billing/cur/acme/r/20181001-20181101/r-Manifest.json",
        BillingPeriod.parse("2018-10"), "asm", List.of(), Optional.of("billing"), true, 0);
    assertEquals(Optional.of("r/20181001-20181101/asm/r-1.parquet"),
        s3.relativePath("cur/acme/r/20181001-20181101/asm/r-1.parquet", manifest));
    assertEquals(Optional.of("r/x.parquet"), s3.relativePath("s3://billing/cur/acme/r/x.parquet", manifest));
    assertEquals(Optional.empty(), s3.relativePath("cur/globex/r/x.parquet", manifest));
    assertEquals(Optional.empty(), s3.relativePath("s3://other-bucket/cur/acme/r/x.parquet", manifest));
    assertEquals(Optional.empty(), s3.relativePath("cur/acme/../globex/x.parquet", manifest));
  }
}
