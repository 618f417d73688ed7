package org.curlake.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.curlake.api.TestApi;
import org.curlake.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/api/users.yaml: the shipped demo users, hashed tokens only, and refusals of bad files. */
class ApiUsersTest {
  @TempDir Path dir;

  @Test
  void theShippedFileHoldsTheDocumentedDemoUsersByHashOnly() throws Exception {
    ApiUsers users = ApiUsers.load(TestApi.config());
    assertEquals(new RateLimit(50, 100), users.rateLimit());
    assertEquals(Role.VIEWER, users.authenticate(TestApi.VIEWER_ACME).orElseThrow().role());
    assertEquals(List.of("acme"), users.authenticate(TestApi.VIEWER_ACME).orElseThrow().tenants());
    assertEquals(Role.TENANT_ADMIN, users.authenticate(TestApi.ADMIN_GLOBEX).orElseThrow().role());
    assertEquals(Role.PLATFORM_ADMIN, users.authenticate(TestApi.PLATFORM).orElseThrow().role());
    assertTrue(users.authenticate("demo-platform ").isEmpty());
    assertTrue(users.authenticate("").isEmpty());
    String file = Files.readString(TestApi.config().resolve(ApiUsers.FILE));
    for (String token : List.of(TestApi.VIEWER_ACME, TestApi.ADMIN_GLOBEX, TestApi.PLATFORM)) {
      assertTrue(file.contains(ApiUser.hash(token)));
      assertTrue(file.lines().filter(l -> !l.startsWith("#")).noneMatch(l -> l.contains(token)), "no plain token in the file");
    }
  }

  @Test
  void badFilesAreRefusedNamingTheField() throws Exception {
    String hash = ApiUser.hash("t");
    assertProblem("users:\n  - {name: a, role: viewer, tenants: [acme], token_sha256: abc}\n", "users[0].token_sha256");
    assertProblem("users:\n  - {name: a, role: root, tenants: [acme], token_sha256: " + hash + "}\n", "users[0].role");
    assertProblem("users:\n  - {name: a, role: viewer, tenants: [], token_sha256: " + hash + "}\n", "users[0].tenants");
    assertProblem("users:\n  - {name: a, role: viewer, tenants: [\"../x\"], token_sha256: " + hash + "}\n", "users[0].tenants");
    assertProblem("users:\n  - {name: a, role: platform_admin, tenants: [acme], token_sha256: " + hash + "}\n", "users[0].tenants");
    assertProblem("users:\n  - {name: a, role: viewer, tenants: [acme], token: t, token_sha256: " + hash + "}\n", "token");
    assertProblem("rate_limit: {requests_per_second: -1}\nusers: []\n", "rate_limit.requests_per_second");
    assertProblem("users:\n  - {name: a, role: viewer, tenants: [acme], token_sha256: " + hash + "}\n"
        + "  - {name: b, role: viewer, tenants: [acme], token_sha256: " + hash + "}\n", "share one token");
  }

  private void assertProblem(String yaml, String expected) throws Exception {
    Files.createDirectories(dir.resolve("api"));
    Files.writeString(dir.resolve(ApiUsers.FILE), yaml);
    Exception e = assertThrows(RuntimeException.class, () -> ApiUsers.load(dir));
    assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("config/api/users.yaml"), e.getMessage());
  }
}
