package org.curlake.api;

import java.nio.file.Path;
import java.time.Duration;
import org.curlake.api.auth.ApiUsers;
import org.curlake.api.auth.AuditLog;
import org.curlake.api.store.CuratedStore;
import org.curlake.api.store.kernel.KernelCuratedStore;
import org.curlake.api.store.trino.TrinoCuratedStore;
import org.curlake.config.TenantConfigLoader;
import picocli.CommandLine.Option;

/** The options that say where the API reads from: config, lake (or Trino), audit log. Shared by serve and bench. */
public final class ServeOptions {
  @Option(names = "--config", description = "config folder (default: $CURLAKE_CONFIG or ./config)")
  Path config;

  @Option(names = "--lake", description = "lake root, a folder or s3a:// prefix (default: $CURLAKE_LAKE or ./lake)")
  String lake;

  @Option(names = "--trino-url", description = "read through Trino (jdbc:trino://host:port/catalog) instead of Delta Kernel")
  String trinoUrl;

  @Option(names = "--trino-user-prefix", defaultValue = "tenant_",
      description = "a tenant's queries run as Trino user <prefix><tenant> (default: ${DEFAULT-VALUE})")
  String trinoUserPrefix;

  @Option(names = "--audit-log", description = "audit log file (default: <lake>/../logs/api-audit.log, or ./logs for s3a lakes)")
  Path auditLog;

  @Option(names = "--version-check-ms", defaultValue = "1000",
      description = "how often a table's latest Delta version is looked up, in ms (default: ${DEFAULT-VALUE})")
  long versionCheckMs;

  Path configDir() {
    return config != null ? config : Path.of(System.getenv().getOrDefault("CURLAKE_CONFIG", "config"));
  }

  String lakeRoot() {
    String root = lake != null ? lake : System.getenv().getOrDefault("CURLAKE_LAKE", "lake");
    return root.contains("://") ? root : Path.of(root).toAbsolutePath().normalize().toString();
  }

  CuratedStore store() {
    return trinoUrl != null ? new TrinoCuratedStore(trinoUrl, trinoUserPrefix)
        : KernelCuratedStore.open(lakeRoot(), Duration.ofMillis(versionCheckMs));
  }

  Path auditLogFile() {
    if (auditLog != null) {
      return auditLog;
    }
    String root = lakeRoot();
    Path base = root.contains("://") ? Path.of(".") : Path.of(root).toAbsolutePath().getParent();
    return base.resolve("logs").resolve("api-audit.log");
  }

  /** The API's services from these options. */
  public ApiApp.Services services() {
    return new ApiApp.Services(new TenantConfigLoader(configDir()).load(), store(), ApiUsers.load(configDir()),
        new AuditLog(auditLogFile()));
  }
}
