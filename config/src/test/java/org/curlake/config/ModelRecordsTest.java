package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The config records used directly (as the jobs' tests do), without the YAML loader. */
class ModelRecordsTest {
  private static final SourceConfig SOURCE =
      new SourceConfig(SourceLocation.parse("path", "/data/cur/acme", Path.of("/")), Optional.empty(), 24);

  private static TenantConfig tenant(String id) {
    return new TenantConfig(id, null, true, SOURCE, null, null, null);
  }

  private static String invalid(Executable executable) {
    return assertThrows(InvalidFieldException.class, executable).getMessage();
  }

  @Test
  void tenantDefaults() {
    TenantConfig acme = tenant("acme");
    assertEquals("acme", acme.displayName());
    assertEquals(Map.of(), acme.accounts());
    assertEquals(List.of(), acme.tagKeys());
    assertEquals(Optional.empty(), acme.budget());
  }

  @Test
  void tenantCopiesItsCollections() {
    List<String> tags = new ArrayList<>(List.of("Team"));
    TenantConfig acme = new TenantConfig("acme", "Acme", true, SOURCE, Map.of(), tags, Optional.empty());
    tags.add("Project");
    assertEquals(List.of("Team"), acme.tagKeys());
    assertThrows(UnsupportedOperationException.class, () -> acme.tagKeys().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> acme.accounts().clear());
  }

  @Test
  void tenantRequiresValidIdAndSource() {
    assertEquals("field 'tenant_id': is required", invalid(() -> tenant(null)));
    assertEquals("field 'tenant_id': 'Acme' is not a safe tenant id: use 2-40 lowercase letters, digits or '_', "
        + "starting with a letter", invalid(() -> tenant("Acme")));
    assertEquals("field 'source': is required",
        invalid(() -> new TenantConfig("acme", "Acme", true, null, null, null, null)));
  }

  @Test
  void accountKeyMustMatchItsId() {
    Map<String, AccountInfo> accounts = Map.of("111111111111", new AccountInfo("222222222222", "a", "b"));
    assertEquals("field 'accounts.111111111111': key does not match account id 222222222222",
        invalid(() -> new TenantConfig("acme", "Acme", true, SOURCE, accounts, null, null)));
  }

  @Test
  void duplicateTagKeysByCase() {
    assertEquals("field 'tag_keys': 'TEAM' is listed twice (tag keys are case-insensitive)",
        invalid(() -> new TenantConfig("acme", "Acme", true, SOURCE, null, List.of("team", "TEAM"), null)));
  }

  @Test
  void accountInfoValidation() {
    assertEquals("field 'accounts': 'null' is not a 12-digit AWS account id",
        invalid(() -> new AccountInfo(null, "a", "b")));
    assertEquals("field 'accounts': '12345678901２' is not a 12-digit AWS account id",
        invalid(() -> new AccountInfo("12345678901２", "a", "b")));
    assertEquals("field 'accounts.123456789012.name': is required",
        invalid(() -> new AccountInfo("123456789012", " ", "b")));
    assertEquals("field 'accounts.123456789012.business_unit': is required",
        invalid(() -> new AccountInfo("123456789012", "a", null)));
  }

  @Test
  void budgetValidation() {
    assertEquals("field 'monthly_usd': is required", invalid(() -> new BudgetConfig(null, 80)));
    assertEquals("field 'monthly_usd': must be > 0 (got -1000)",
        invalid(() -> new BudgetConfig(new BigDecimal("-1E+3"), 80)));
    assertEquals("field 'warn_percent': must be between 1 and 100 (got 0)",
        invalid(() -> new BudgetConfig(BigDecimal.ONE, 0)));
  }

  @Test
  void sourceConfigValidation() {
    assertEquals("field 'path': is required", invalid(() -> new SourceConfig(null, Optional.empty(), 1)));
    assertEquals("field 'freshness_sla_hours': must be >= 0 (got -1)",
        invalid(() -> new SourceConfig(SOURCE.location(), Optional.empty(), -1)));
    assertEquals("field 'freshness_sla_hours': must be at most 2160 (got 2161)",
        invalid(() -> new SourceConfig(SOURCE.location(), Optional.empty(), 2161)));
    assertThrows(NullPointerException.class, () -> new SourceConfig(SOURCE.location(), null, 1));
  }

  @Test
  void sourceFormatParse() {
    assertEquals(SourceFormat.CUR2, SourceFormat.parse("format", "cur2"));
    assertEquals("field 'source.format': unknown format 'null', expected one of legacy_cur, cur2, focus",
        invalid(() -> SourceFormat.parse("source.format", null)));
  }

  @Test
  void tenantIdIsValid() {
    assertTrue(TenantId.isValid("acme_2"));
    assertFalse(TenantId.isValid(null));
    assertFalse(TenantId.isValid("a"));
    assertFalse(TenantId.isValid("../x"));
    assertEquals("acme", TenantId.validate("tenant", "acme"));
  }

  @Test
  void invalidFieldExceptionNestsUnderAParent() {
    InvalidFieldException nested = new InvalidFieldException("path", "is required").under("source");
    assertEquals("source.path", nested.field());
    assertEquals("is required", nested.problem());
    assertEquals("field 'source.path': is required", nested.getMessage());
  }

  @Test
  void configExceptionMessageOmitsMissingParts() {
    assertEquals("config/tenants/a.yaml: broken", ConfigException.of("config/tenants/a.yaml", null, null, "broken").getMessage());
    assertEquals("f: tenant 't': broken", ConfigException.of("f", "t", null, "broken").getMessage());
    assertEquals("f: field 'x': broken", ConfigException.of("f", null, "x", "broken").getMessage());
    assertEquals("f: tenant 't': field 'x': broken", ConfigException.of("f", "t", "x", "broken").getMessage());
  }

  @Test
  void tenantsAreSortedAndUnique() {
    Tenants tenants = new Tenants(List.of(tenant("globex"), tenant("acme")));
    assertEquals(List.of("acme", "globex"), tenants.all().stream().map(TenantConfig::id).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Tenants(List.of(tenant("acme"), tenant("acme"))));
    assertEquals("tenant ids must be unique", e.getMessage());
  }

  @Test
  void requireOnNoTenants() {
    assertEquals("unknown tenant 'acme'; configured tenants: []",
        assertThrows(ConfigException.class, () -> new Tenants(List.of()).require("acme")).getMessage());
  }
}
