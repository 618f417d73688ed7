package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-level behaviour of the loader: documents, lists, unknown keys, required fields, duplicates. */
class TenantConfigLoaderTest {
  @TempDir Path tmp;
  private ConfigFixture config;

  @BeforeEach
  void setUp() {
    config = new ConfigFixture(tmp);
  }

  @Test
  void loadsAMinimalTenantWithDefaults() {
    TenantConfig acme = config.tenant("acme", "landing/acme").load().require("acme");
    assertEquals("acme", acme.displayName());
    assertTrue(acme.active());
    assertEquals(tmp.resolve("landing/acme").toString(), acme.source().location().uri());
    assertEquals(Optional.empty(), acme.source().format());
    assertEquals(List.of(), acme.tagKeys());
    assertTrue(acme.accounts().isEmpty());
    assertEquals(Optional.empty(), acme.budget());
  }

  @Test
  void loadsAFullTenant() {
    config.write("acme.yaml", """
        tenant_id: acme
        display_name: Acme Corp
        active: true
        source:
          path: s3a://cur-bucket/acme/
          format: focus
          freshness_sla_hours: 0
        accounts:
          "123456789012": { name: payer, business_unit: Platform }
        tag_keys: [Environment, "aws:createdBy"]
        budget:
          monthly_usd: 1234.5
          warn_percent: 100
        """);
    TenantConfig acme = config.load().require("acme");
    assertEquals("Acme Corp", acme.displayName());
    assertEquals("s3a://cur-bucket/acme", acme.source().location().uri());
    assertEquals(Optional.of(SourceFormat.FOCUS), acme.source().format());
    assertEquals(0, acme.source().freshnessSlaHours());
    assertEquals(new AccountInfo("123456789012", "payer", "Platform"), acme.accounts().get("123456789012"));
    assertEquals(List.of("Environment", "aws:createdBy"), acme.tagKeys());
    assertEquals(new BudgetConfig(new BigDecimal("1234.5"), 100), acme.budget().orElseThrow());
  }

  @Test
  void acceptsYmlExtensionAndIgnoresOtherFiles() {
    config.write("acme.yml", ConfigFixture.minimal("acme", "landing/acme"))
        .write("README.md", "not: [yaml")
        .write("globex.yaml.bak", "not: [yaml");
    assertEquals(List.of("acme"), config.load().all().stream().map(TenantConfig::id).toList());
  }

  @Test
  void fileWithATenantsListOfTwoTenants() {
    config.write("synthetic.yaml", """
        tenants:
          - tenant_id: globex
            source: { path: landing/globex, format: cur2, freshness_sla_hours: 36 }
          - tenant_id: acme
            source: { path: landing/acme, freshness_sla_hours: 24 }
        """);
    Tenants tenants = config.load();
    assertEquals(List.of("acme", "globex"), tenants.all().stream().map(TenantConfig::id).toList());
    assertEquals(Optional.of(SourceFormat.CUR2), tenants.require("globex").source().format());
  }

  @Test
  void tenantsListWithAnotherTopLevelKeyIsRefused() {
    config.write("synthetic.yaml", """
        tenants: []
        owner: finops
        """);
    assertEquals("config/tenants/synthetic.yaml: field 'tenants': expected a list of tenants and no other top-level key",
        config.loadError());
  }

  @Test
  void tenantsThatIsNotAListIsRefused() {
    config.write("synthetic.yaml", "tenants: acme\n");
    assertEquals("config/tenants/synthetic.yaml: field 'tenants': expected a list of tenants and no other top-level key",
        config.loadError());
  }

  @Test
  void tenantsListEntryThatIsNotAMappingIsRefused() {
    config.write("synthetic.yaml", "tenants: [acme]\n");
    assertEquals("config/tenants/synthetic.yaml: field 'tenant': expected a mapping", config.loadError());
  }

  @Test
  void documentThatIsNotAMappingIsRefused() {
    config.write("acme.yaml", "- tenant_id: acme\n");
    assertEquals("config/tenants/acme.yaml: expected a mapping with tenant fields or 'tenants:'", config.loadError());
  }

  @Test
  void emptyFileIsRefused() {
    config.write("acme.yaml", "# nothing yet\n");
    assertEquals("config/tenants/acme.yaml: expected a mapping with tenant fields or 'tenants:'", config.loadError());
  }

  @Test
  void unknownTopLevelKey() {
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", "owner: finops\n"));
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'owner': unknown key; allowed keys are "
        + "[tenant_id, display_name, active, source, accounts, tag_keys, budget, idle, anomalies]", config.loadError());
  }

  @Test
  void unknownNestedSourceKey() {
    config.write("acme.yaml", """
        tenant_id: acme
        source:
          pathh: landing/acme
          freshness_sla_hours: 24
        """);
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'source.pathh': unknown key; "
        + "allowed keys are [path, format, freshness_sla_hours]", config.loadError());
  }

  @Test
  void unknownNestedBudgetKey() {
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", "budget: { monthly_usd: 10, currency: EUR }\n"));
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'budget.currency': unknown key; "
        + "allowed keys are [monthly_usd, warn_percent]", config.loadError());
  }

  @Test
  void unknownNestedAccountKey() {
    config.write("acme.yaml", ConfigFixture.minimalWith("acme",
        "accounts: { \"123456789012\": { name: a, business_unit: b, owner: c } }\n"));
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'accounts.123456789012.owner': unknown key; "
        + "allowed keys are [name, business_unit]", config.loadError());
  }

  @Test
  void missingTenantId() {
    config.write("acme.yaml", """
        source: { path: landing/acme, freshness_sla_hours: 24 }
        """);
    assertEquals("config/tenants/acme.yaml: field 'tenant_id': is required", config.loadError());
  }

  @Test
  void missingSource() {
    config.write("acme.yaml", "tenant_id: acme\n");
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'source': is required", config.loadError());
  }

  @Test
  void sourceThatIsNotAMapping() {
    config.write("acme.yaml", "tenant_id: acme\nsource: landing/acme\n");
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'source': expected a mapping", config.loadError());
  }

  @Test
  void missingSourcePath() {
    config.write("acme.yaml", "tenant_id: acme\nsource: { freshness_sla_hours: 24 }\n");
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'source.path': is required", config.loadError());
  }

  @Test
  void missingFreshnessSla() {
    config.write("acme.yaml", "tenant_id: acme\nsource: { path: landing/acme }\n");
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'source.freshness_sla_hours': is required",
        config.loadError());
  }

  @Test
  void activeMustBeABoolean() {
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", "active: \"false\"\n"));
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'active': expected true or false (got 'false')",
        config.loadError());
  }

  @Test
  void invalidYamlSyntaxNamesFileAndLine() {
    config.write("acme.yaml", """
        tenant_id: acme
        source: { path: landing/acme, freshness_sla_hours: 24
        """);
    String message = config.loadError();
    // The tail is SnakeYAML's own wording; pin our part and the position.
    assertTrue(message.startsWith("config/tenants/acme.yaml: not valid YAML: "), message);
    assertTrue(message.contains("while parsing a flow mapping  in 'reader', line 2, column 9"), message);
    assertTrue(message.contains("expected ',' or '}', but got <stream end>"), message);
    assertFalse(message.contains("\n"), "one-line message: " + message);
  }

  @Test
  void duplicateYamlKeysAreRefused() {
    config.write("acme.yaml", """
        tenant_id: acme
        tenant_id: globex
        source: { path: landing/acme, freshness_sla_hours: 24 }
        """);
    String message = config.loadError();
    assertTrue(message.startsWith("config/tenants/acme.yaml: not valid YAML: "), message);
    assertTrue(message.contains("found duplicate key tenant_id"), message);
  }

  @Test
  void duplicateNestedYamlKeysAreRefused() {
    config.write("acme.yaml", """
        tenant_id: acme
        source:
          path: landing/acme
          path: landing/globex
          freshness_sla_hours: 24
        """);
    String message = config.loadError();
    assertTrue(message.startsWith("config/tenants/acme.yaml: not valid YAML: "), message);
    assertTrue(message.contains("found duplicate key path"), message);
  }

  @Test
  void duplicateTenantIdAcrossTwoFilesNamesBothFiles() {
    config.tenant("acme", "landing/acme")
        .write("zz-copy.yaml", ConfigFixture.minimal("acme", "landing/other"));
    assertEquals("config/tenants/zz-copy.yaml: tenant 'acme': field 'tenant_id': "
        + "duplicate tenant id, already defined in config/tenants/acme.yaml", config.loadError());
  }

  @Test
  void duplicateTenantIdInsideOneTenantsList() {
    config.write("synthetic.yaml", """
        tenants:
          - tenant_id: acme
            source: { path: landing/acme, freshness_sla_hours: 24 }
          - tenant_id: acme
            source: { path: landing/acme_two, freshness_sla_hours: 24 }
        """);
    assertEquals("config/tenants/synthetic.yaml: tenant 'acme': field 'tenant_id': "
        + "duplicate tenant id, already defined in config/tenants/synthetic.yaml", config.loadError());
  }

  @Test
  void firstBadTenantInAListIsNamed() {
    config.write("synthetic.yaml", """
        tenants:
          - tenant_id: acme
            source: { path: landing/acme, freshness_sla_hours: 24 }
          - tenant_id: globex
            source: { path: landing/globex, freshness_sla_hours: -2 }
        """);
    assertEquals("config/tenants/synthetic.yaml: tenant 'globex': field 'source.freshness_sla_hours': "
        + "must be >= 0 (got -2)", config.loadError());
  }

  @Test
  void missingTenantsDirectory() throws Exception {
    Files.createDirectories(config.configDir());
    assertEquals(config.configDir().resolve("tenants") + ": tenant config directory not found",
        config.loadError());
  }

  @Test
  void emptyTenantsDirectory() throws Exception {
    Files.createDirectories(config.configDir().resolve("tenants"));
    assertEquals(config.configDir().resolve("tenants") + ": no tenant config files (*.yaml)", config.loadError());
  }

  @Test
  void inactiveTenantsAreLoadedButNotActive() {
    config.tenant("acme", "landing/acme")
        .write("globex.yaml", ConfigFixture.minimalWith("globex", "active: false\n"));
    Tenants tenants = config.load();
    assertEquals(List.of("acme", "globex"), tenants.all().stream().map(TenantConfig::id).toList());
    assertEquals(List.of("acme"), tenants.active().stream().map(TenantConfig::id).toList());
    assertFalse(tenants.require("globex").active());
  }

  @Test
  void requireUnknownTenantListsKnownIds() {
    Tenants tenants = config.tenant("globex", "landing/globex").tenant("acme", "landing/acme").load();
    ConfigException e = assertThrows(ConfigException.class, () -> tenants.require("nope"));
    assertEquals("unknown tenant 'nope'; configured tenants: [acme, globex]", e.getMessage());
    assertEquals(Optional.empty(), tenants.find("nope"));
    assertEquals("acme", tenants.find("acme").orElseThrow().id());
  }
}
