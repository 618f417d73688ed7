package org.curlake.jobs.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.curlake.catalog.LakeTable;
import org.curlake.config.SourceLocation;

/**
 * Where the lake's tables are, as the jobs see them (Hadoop paths, to check a table exists) and as Trino
 * sees them: a local lake is {@code local:///abs/path} (the catalog enables the native local file system
 * rooted at /), an S3 lake keeps its {@code s3a://bucket/prefix} URI, which Trino's native S3 reads.
 */
public final class LakeTableLocations {
  private final SourceLocation lakeRoot;
  private final Configuration hadoop = new Configuration();

  public LakeTableLocations(SourceLocation lakeRoot) {
    this.lakeRoot = lakeRoot;
    // Same credential chain as the Spark jobs: never credentials from code.
    hadoop.set("fs.s3a.aws.credentials.provider",
        "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider,"
            + "com.amazonaws.auth.DefaultAWSCredentialsProviderChain");
  }

  /** True when the table is a Delta table on disk (it has a _delta_log folder). */
  public boolean exists(LakeTable table) {
    Path log = new Path(table.location(lakeRoot.hadoopPath()), "_delta_log");
    try {
      return log.getFileSystem(hadoop).exists(log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + log + " for table " + table.tableName(), e);
    }
  }

  /** The table's location as the Trino catalog reads it. */
  public String trinoLocation(LakeTable table) {
    return table.location(lakeRoot.isS3() ? lakeRoot.uri() : "local://" + lakeRoot.uri());
  }
}
