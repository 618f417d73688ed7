package org.curlake.jobs.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.curlake.config.SourceLocation;

/**
 * Finds the billing periods delivered under a tenant's source and the Parquet files of each, on a
 * local folder or s3a:// alike.
 *
 * <p>When the source holds CUR manifests ({@code *-Manifest.json}: legacy CUR or CUR 2.0 Data
 * Exports), they decide: each period is the latest delivery its manifests name, exactly the files
 * listed (see {@link ManifestDeliveries}). Otherwise the Hive layouts of both CUR generations are
 * read: {@code year=YYYY/month=M/} (legacy CUR via Athena) and {@code BILLING_PERIOD=YYYY-MM/} (CUR
 * 2.0 and FOCUS data exports). Hidden files ({@code _SUCCESS}, {@code .crc}) are ignored.
 */
public final class SourceDiscovery {
  private static final Pattern YEAR = Pattern.compile("(?i)year=(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(?i)month=(\\d{1,2})");
  private static final Pattern PERIOD = Pattern.compile("(?i)billing_period=(\\d{4}-\\d{2})");

  private final Configuration hadoopConf;

  public SourceDiscovery(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /** Every period found under {@code source}, in period order. */
  public List<PeriodDelivery> discover(String tenant, SourceLocation source) {
    Path root = new Path(source.hadoopPath());
    Map<String, SourceFile> files = new TreeMap<>();
    List<Path> manifests = new ArrayList<>();
    FileSystem fs;
    try {
      fs = root.getFileSystem(hadoopConf);
      if (!fs.exists(root)) {
        throw new IngestFailure(tenant, null, null, "source path " + source + " does not exist");
      }
      String rootPath = root.toUri().getPath();
      RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
      while (listing.hasNext()) {
        LocatedFileStatus status = listing.next();
        String name = status.getPath().getName();
        if (!status.isFile() || name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        String relative = status.getPath().toUri().getPath().substring(rootPath.length()).replaceFirst("^/+", "");
        files.put(relative, new SourceFile(status.getPath().toString(), status.getLen(), status.getModificationTime()));
        if (CurManifest.isManifestName(name)) {
          manifests.add(status.getPath());
        }
      }
    } catch (FileNotFoundException e) {
      throw new IngestFailure(tenant, null, null, "source path " + source + " does not exist", e);
    } catch (IOException e) {
      throw new IngestFailure(tenant, null, null, "cannot list source " + source + ": " + e.getMessage(), e);
    }
    if (!manifests.isEmpty()) {
      return fromManifests(tenant, source, fs, files, manifests);
    }
    return fromPartitionFolders(tenant, files);
  }

  private static List<PeriodDelivery> fromPartitionFolders(String tenant, Map<String, SourceFile> files) {
    Map<BillingPeriod, List<SourceFile>> byPeriod = new TreeMap<>();
    files.forEach((relative, file) -> {
      if (!relative.endsWith(".parquet")) {
        return;
      }
      BillingPeriod period = periodOf(relative).orElseThrow(() -> new IngestFailure(tenant, null, file.path(),
          "file is not inside a year=YYYY/month=M/ or BILLING_PERIOD=YYYY-MM/ partition folder"));
      byPeriod.computeIfAbsent(period, p -> new ArrayList<>()).add(file);
    });
    List<PeriodDelivery> deliveries = new ArrayList<>();
    byPeriod.forEach((period, ofPeriod) -> deliveries.add(new PeriodDelivery(period, ofPeriod)));
    return deliveries;
  }

  private List<PeriodDelivery> fromManifests(String tenant, SourceLocation source, FileSystem fs,
      Map<String, SourceFile> files, List<Path> manifestPaths) {
    List<CurManifest> manifests = new ArrayList<>();
    Map<BillingPeriod, String> unreadable = new TreeMap<>();
    for (Path path : manifestPaths) {
      try {
        FileStatus status = fs.getFileStatus(path);
        String json;
        try (FSDataInputStream in = fs.open(path)) {
          json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        manifests.add(CurManifest.parse(path.toString(), json, status.getModificationTime()));
      } catch (IOException | IllegalArgumentException e) {
        String problem = "manifest " + path + " cannot be used: " + e.getMessage();
        BillingPeriod period = CurManifest.periodOfLocation(path.toUri().getPath())
            .orElseThrow(() -> new IngestFailure(tenant, null, path.toString(), problem));
        unreadable.putIfAbsent(period, problem);
      }
    }
    return new ManifestDeliveries(source, files).deliveries(manifests, unreadable);
  }

  /** The billing period a file belongs to, from the partition folders in its path. */
  static Optional<BillingPeriod> periodOf(String path) {
    Matcher period = PERIOD.matcher(path);
    if (period.find()) {
      return Optional.of(BillingPeriod.parse(period.group(1)));
    }
    Matcher year = YEAR.matcher(path);
    Matcher month = MONTH.matcher(path);
    if (year.find() && month.find()) {
      return Optional.of(BillingPeriod.of(Integer.parseInt(year.group(1)), Integer.parseInt(month.group(1))));
    }
    return Optional.empty();
  }
}
