package org.curlake.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.curlake.config.SourceConfig;
import org.curlake.config.SourceFormat;
import org.curlake.config.SourceLocation;
import org.curlake.config.TenantConfig;

/** Tenants and paths for tests: the real WorkshopCUR and tenants over temporary folders. */
public final class TestTenants {
  private TestTenants() {}

  /** The project root (the folder with config/ and jobs/), as surefire passes it. */
  public static Path projectRoot() {
    String root = System.getProperty("curlake.project.root");
    Path path = root == null ? Path.of("..") : Path.of(root);
    return path.toAbsolutePath().normalize();
  }

  /** The real legacy CUR of the AWS CUR workshop, read-only. */
  public static Path workshopData() {
    return projectRoot().resolve("../shared/data/cur-workshop-2018").normalize();
  }

  public static TenantConfig tenant(String id, Path source, Optional<SourceFormat> format) {
    return new TenantConfig(id, id, true,
        new SourceConfig(SourceLocation.parse("path", source.toString(), projectRoot()), format, 24),
        Map.of(), List.of(), Optional.empty());
  }

  public static TenantConfig workshop() {
    return tenant("workshop", workshopData(), Optional.of(SourceFormat.LEGACY_CUR));
  }
}
