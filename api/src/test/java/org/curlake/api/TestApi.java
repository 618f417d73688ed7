package org.curlake.api;

import java.nio.file.Path;
import java.time.Duration;
import org.curlake.api.auth.ApiUsers;
import org.curlake.api.auth.AuditLog;
import org.curlake.api.auth.RateLimit;
import org.curlake.api.store.CuratedStore;
import org.curlake.api.store.kernel.KernelCuratedStore;
import org.curlake.config.TenantConfigLoader;

/** The API as the tests build it: the shipped config (tenants, users.yaml), a lake, an audit log under target/. */
public final class TestApi {
  /** The documented demo tokens of config/api/users.yaml. */
  public static final String VIEWER_ACME = "demo-viewer-acme";
  public static final String ADMIN_GLOBEX = "demo-admin-globex";
  public static final String PLATFORM = "demo-platform";

  private TestApi() {}

  public static Path config() {
    return LakeFixture.projectRoot().resolve("config");
  }

  /** The shipped users without their rate limit (the route tests send many requests; RouteAccessTest tests the limit). */
  public static ApiApp.Services services(CuratedStore store, Path auditLog) {
    return new ApiApp.Services(new TenantConfigLoader(config()).load(), store,
        ApiUsers.load(config()).withRateLimit(RateLimit.off()), new AuditLog(auditLog));
  }

  /** Services over a lake folder that may be empty. */
  public static ApiApp.Services services(String lake, Path auditLog) {
    return services(KernelCuratedStore.open(lake, Duration.ZERO), auditLog);
  }
}
