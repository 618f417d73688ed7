package org.curlake.jobs.cli;

import java.nio.file.Path;
import org.curlake.config.SourceLocation;
import org.curlake.config.StorageConfig;
import org.curlake.config.TenantConfigLoader;
import org.curlake.config.Tenants;
import picocli.CommandLine.Option;

/** Where the config and the lake are. Relative paths are resolved against the working directory. */
public final class LakeOptions {
  @Option(names = "--config", defaultValue = "${env:CURLAKE_CONFIG:-config}",
      description = "Config directory holding tenants/*.yaml (default: ${DEFAULT-VALUE}).")
  Path configDir;

  @Option(names = "--lake", defaultValue = "${env:CURLAKE_LAKE:-lake}",
      description = "Root of the Delta tables: a local folder or s3a://bucket/prefix (default: ${DEFAULT-VALUE}).")
  String lake;

  public Tenants tenants() {
    return new TenantConfigLoader(configDir).load();
  }

  /** How to reach S3: config/storage.yaml, or the AWS defaults when it is absent. */
  public StorageConfig storage() {
    return StorageConfig.load(configDir.toAbsolutePath().normalize());
  }

  public SourceLocation lakeRoot() {
    return SourceLocation.parse("--lake", lake, Path.of("").toAbsolutePath());
  }
}
