package org.curlake.jobs.trino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.curlake.config.TenantConfig;
import org.curlake.config.TenantConfigLoader;
import org.curlake.jobs.TestTenants;
import org.junit.jupiter.api.Test;

/**
 * config/trino/rules.json keeps pace with config/tenants: every configured tenant's user may select from its own
 * schema and nothing else, and only the admin owns schemas or may register tables.
 */
class AccessRulesTest {
  private final Path config = TestTenants.projectRoot().resolve("config");

  @Test
  void everyConfiguredTenantHasExactlyItsOwnSchema() throws Exception {
    JsonNode rules = new ObjectMapper().readTree(config.resolve("trino/rules.json").toFile());
    List<String> missing = new ArrayList<>();
    for (TenantConfig tenant : new TenantConfigLoader(config).load().all()) {
      String user = "tenant_" + tenant.id();
      JsonNode rule = firstTableRuleFor(rules, user);
      if (rule == null || !(TrinoRegistrar.tenantSchema(tenant.id())).equals(rule.path("schema").asText())
          || !"delta".equals(rule.path("catalog").asText())
          || !"[\"SELECT\"]".equals(rule.path("privileges").toString())) {
        missing.add(user);
      }
    }
    assertEquals(List.of(), missing, "tenant users without a SELECT-only rule on their own cur_<tenant> schema");
  }

  @Test
  void onlyTheAdminOwnsSchemasAndRegistersTables() throws Exception {
    JsonNode rules = new ObjectMapper().readTree(config.resolve("trino/rules.json").toFile());
    for (JsonNode rule : rules.path("schemas")) {
      assertTrue(!rule.path("owner").asBoolean() || "admin".equals(rule.path("user").asText()), rule.toString());
    }
    for (JsonNode rule : rules.path("procedures")) {
      assertEquals("admin", rule.path("user").asText(), rule.toString());
    }
    for (JsonNode rule : rules.path("tables")) {
      boolean admin = "admin".equals(rule.path("user").asText());
      boolean grantsNothing = rule.path("privileges").isEmpty();
      assertTrue(admin || grantsNothing || !rule.path("schema").asText(".*").matches(".*curlake.*|\\.\\*"),
          "only the admin reaches the base schema: " + rule);
    }
  }

  /** The first table rule whose user regex matches, as Trino evaluates them. */
  private static JsonNode firstTableRuleFor(JsonNode rules, String user) {
    for (JsonNode rule : rules.path("tables")) {
      if (user.matches(rule.path("user").asText(".*")) && rule.path("catalog").asText(".*").matches(".*delta.*")) {
        return rule;
      }
    }
    return null;
  }
}
