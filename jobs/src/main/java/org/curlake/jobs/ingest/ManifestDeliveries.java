package org.curlake.jobs.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.curlake.config.SourceLocation;

/**
 * Picks, from the manifests found under a tenant's source, the latest delivery of each billing
 * period and exactly the files it lists: never a mix of deliveries, never a file no manifest lists.
 * Pure (no I/O): the files under the source come in as a listing keyed by path relative to the source.
 *
 * <p>The latest delivery of a period is its period-level manifest (the one directly in the
 * {@code yyyyMMdd-yyyyMMdd/} or {@code metadata/BILLING_PERIOD=YYYY-MM/} folder, which AWS rewrites on
 * each delivery); without one, the most recently written manifest of the period. A period whose
 * manifest lists a missing or non-Parquet file, or whose latest delivery is ambiguous, is returned
 * with a problem, so it fails alone.
 *
 * <p>Listed keys are placed under the source: on S3, a key (or {@code s3://bucket/key}) must lie under
 * the source's bucket and prefix; in a local folder, which mirrors some prefix of a bucket, a key is the
 * longest trailing part of it that exists under the folder.
 */
final class ManifestDeliveries {
  private final SourceLocation source;
  private final Map<String, SourceFile> filesByRelativePath;

  /**
   * @param source the tenant's source
   * @param filesByRelativePath every file under the source, by path relative to it (no leading slash)
   */
  ManifestDeliveries(SourceLocation source, Map<String, SourceFile> filesByRelativePath) {
    this.source = source;
    this.filesByRelativePath = filesByRelativePath;
  }

  /**
   * @param manifests the readable manifests
   * @param unreadable problems of manifests that could not be read, by the period their location names
   * @return one delivery per period, in period order
   */
  List<PeriodDelivery> deliveries(List<CurManifest> manifests, Map<BillingPeriod, String> unreadable) {
    Map<BillingPeriod, List<CurManifest>> byPeriod = new TreeMap<>();
    manifests.forEach(m -> byPeriod.computeIfAbsent(m.period(), p -> new ArrayList<>()).add(m));
    Map<BillingPeriod, PeriodDelivery> result = new TreeMap<>();
    unreadable.forEach((period, problem) -> result.put(period, PeriodDelivery.failed(period, Optional.empty(), problem)));
    byPeriod.forEach((period, ofPeriod) -> result.putIfAbsent(period, delivery(period, ofPeriod)));
    orphanPeriods(manifests).forEach((period, example) -> result.putIfAbsent(period,
        PeriodDelivery.failed(period, Optional.empty(), "Parquet files were delivered for this period (e.g. "
            + example + ") but no manifest lists them, while the source's other periods come with manifests")));
    return List.copyOf(result.values());
  }

  private PeriodDelivery delivery(BillingPeriod period, List<CurManifest> ofPeriod) {
    CurManifest latest;
    try {
      latest = latest(ofPeriod);
    } catch (IllegalArgumentException e) {
      return PeriodDelivery.failed(period, Optional.empty(), e.getMessage());
    }
    List<SourceFile> files = new ArrayList<>();
    for (String key : latest.dataFiles()) {
      Optional<String> relative = relativePath(key, latest);
      String where = "manifest " + latest.path() + " (delivery " + latest.deliveryId() + ") lists " + key;
      if (relative.isEmpty()) {
        return PeriodDelivery.failed(period, Optional.of(latest.path()), where + ", which is outside the tenant's "
            + "source " + source);
      }
      SourceFile file = filesByRelativePath.get(relative.get());
      if (file == null) {
        return PeriodDelivery.failed(period, Optional.of(latest.path()), where + ", which is missing from the source");
      }
      if (!relative.get().endsWith(".parquet")) {
        return PeriodDelivery.failed(period, Optional.of(latest.path()), where
            + ", which is not a Parquet file (only Parquet CUR exports are supported)");
      }
      files.add(file);
    }
    return new PeriodDelivery(period, files, Optional.of(latest.path()), Optional.empty());
  }

  /** The period's latest delivery, or an exception naming why it is ambiguous. */
  static CurManifest latest(List<CurManifest> ofPeriod) {
    List<CurManifest> periodLevel = ofPeriod.stream().filter(CurManifest::periodLevel).toList();
    if (periodLevel.stream().map(CurManifest::deliveryId).distinct().count() > 1) {
      throw new IllegalArgumentException("more than one report or export delivers this period ("
          + String.join(", ", periodLevel.stream().map(CurManifest::path).sorted().toList())
          + "): point the tenant's source at one of them");
    }
    if (!periodLevel.isEmpty()) {
      return periodLevel.get(0);
    }
    List<CurManifest> newestFirst = ofPeriod.stream()
        .sorted(Comparator.comparingLong(CurManifest::modificationTime).reversed()).toList();
    CurManifest newest = newestFirst.get(0);
    newestFirst.stream().skip(1)
        .filter(m -> m.modificationTime() == newest.modificationTime() && !m.deliveryId().equals(newest.deliveryId()))
        .findFirst().ifPresent(twin -> {
          throw new IllegalArgumentException("deliveries " + newest.deliveryId() + " (" + newest.path() + ") and "
              + twin.deliveryId() + " (" + twin.path() + ") were written at the same time and the period has no "
              + "period-level manifest saying which is current");
        });
    return newest;
  }

  /** Where a listed key lies under the source, or empty when it lies outside. */
  Optional<String> relativePath(String listed, CurManifest manifest) {
    String key = listed;
    Optional<String> bucket = manifest.bucket();
    for (String scheme : List.of("s3://", "s3a://")) {
      if (key.startsWith(scheme)) {
        String rest = key.substring(scheme.length());
        int slash = rest.indexOf('/');
        bucket = Optional.of(slash < 0 ? rest : rest.substring(0, slash));
        key = slash < 0 ? "" : rest.substring(slash + 1);
      }
    }
    if (key.isEmpty() || List.of(key.split("/", -1)).stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
      return Optional.empty();
    }
    if (source.isS3()) {
      String location = source.uri().substring("s3a://".length());
      int slash = location.indexOf('/');
      String sourceBucket = slash < 0 ? location : location.substring(0, slash);
      String prefix = slash < 0 ? "" : location.substring(slash + 1) + "/";
      if (bucket.isPresent() && !bucket.get().equals(sourceBucket) || !key.startsWith(prefix)) {
        return Optional.empty();
      }
      return Optional.of(key.substring(prefix.length()));
    }
    String[] segments = key.split("/");
    for (int i = 0; i < segments.length; i++) {
      String suffix = String.join("/", List.of(segments).subList(i, segments.length));
      if (filesByRelativePath.containsKey(suffix)) {
        return Optional.of(suffix);
      }
    }
    // Not under the folder: name where the whole key would be, so the message says "missing".
    return Optional.of(key);
  }

  /** Periods with Parquet files that no manifest lists and no manifest delivers, with one file as example. */
  private Map<BillingPeriod, String> orphanPeriods(List<CurManifest> manifests) {
    Set<BillingPeriod> delivered = new HashSet<>();
    Set<String> listed = new HashSet<>();
    for (CurManifest manifest : manifests) {
      delivered.add(manifest.period());
      manifest.dataFiles().forEach(key -> relativePath(key, manifest).ifPresent(listed::add));
    }
    Map<BillingPeriod, String> orphans = new LinkedHashMap<>();
    filesByRelativePath.keySet().stream().sorted()
        .filter(path -> path.endsWith(".parquet") && !listed.contains(path))
        .forEach(path -> SourceDiscovery.periodOf(path).or(() -> CurManifest.periodOfLocation(path))
            .filter(period -> !delivered.contains(period))
            .ifPresent(period -> orphans.putIfAbsent(period, path)));
    return orphans;
  }
}
