package org.curlake.jobs.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.curlake.config.SourceLocation;

/**
 * Finds the billing periods delivered under a tenant's source and the Parquet files of each.
 * Understands the Hive layouts of both CUR generations: {@code year=YYYY/month=M/} (legacy CUR via
 * Athena) and {@code BILLING_PERIOD=YYYY-MM/} (CUR 2.0 and FOCUS data exports). Hidden files
 * ({@code _SUCCESS}, {@code .crc}) and non-Parquet files are ignored.
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
    Map<BillingPeriod, List<SourceFile>> byPeriod = new TreeMap<>();
    try {
      FileSystem fs = root.getFileSystem(hadoopConf);
      if (!fs.exists(root)) {
        throw new IngestFailure(tenant, null, null, "source path " + source + " does not exist");
      }
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        LocatedFileStatus status = files.next();
        String name = status.getPath().getName();
        if (!status.isFile() || name.startsWith("_") || name.startsWith(".") || !name.endsWith(".parquet")) {
          continue;
        }
        String relative = status.getPath().toUri().getPath().substring(root.toUri().getPath().length());
        BillingPeriod period = periodOf(relative).orElseThrow(() -> new IngestFailure(tenant, null,
            status.getPath().toString(),
            "file is not inside a year=YYYY/month=M/ or BILLING_PERIOD=YYYY-MM/ partition folder"));
        byPeriod.computeIfAbsent(period, p -> new ArrayList<>()).add(
            new SourceFile(status.getPath().toString(), status.getLen(), status.getModificationTime()));
      }
    } catch (FileNotFoundException e) {
      throw new IngestFailure(tenant, null, null, "source path " + source + " does not exist", e);
    } catch (IOException e) {
      throw new IngestFailure(tenant, null, null, "cannot list source " + source + ": " + e.getMessage(), e);
    }
    List<PeriodDelivery> deliveries = new ArrayList<>();
    byPeriod.forEach((period, files) -> deliveries.add(new PeriodDelivery(period, files)));
    return deliveries;
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
