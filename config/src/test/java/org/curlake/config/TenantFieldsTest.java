package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of tenant_id, accounts, tag_keys and budget, as reported by the loader. */
class TenantFieldsTest {
  private static final String PREFIX = "config/tenants/acme.yaml: tenant 'acme': field ";

  @TempDir Path tmp;
  private ConfigFixture config;

  @BeforeEach
  void setUp() {
    config = new ConfigFixture(tmp);
  }

  private String errorWith(String extraYaml) {
    return config.write("acme.yaml", ConfigFixture.minimalWith("acme", extraYaml)).loadError();
  }

  private TenantConfig loadWith(String extraYaml) {
    return config.write("acme.yaml", ConfigFixture.minimalWith("acme", extraYaml)).load().require("acme");
  }

  // --- tenant_id ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"Acme", "ACME", "ac-me", "1acme", "_acme", "a", "../x", "acme/../../etc", "ac me",
      "acme.prod", "acmé", "a12345678901234567890123456789012345678901"})
  void unsafeTenantIdsAreRefused(String id) {
    config.write("t.yaml", ConfigFixture.minimal("\"" + id + "\"", "landing/t"));
    assertEquals("config/tenants/t.yaml: tenant '" + id + "': field 'tenant_id': '" + id
        + "' is not a safe tenant id: use 2-40 lowercase letters, digits or '_', starting with a letter",
        config.loadError());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "acme_2", "a1", "a123456789012345678901234567890123456789"})
  void safeTenantIdsAreAccepted(String id) {
    assertEquals(id, config.tenant(id, "landing/t").load().require(id).id());
  }

  @Test
  void tooLongIdIsFortyOneCharacters() {
    String id = "a".repeat(41);
    config.write("t.yaml", ConfigFixture.minimal(id, "landing/t"));
    assertEquals("config/tenants/t.yaml: tenant '" + id + "': field 'tenant_id': '" + id
        + "' is not a safe tenant id: use 2-40 lowercase letters, digits or '_', starting with a letter",
        config.loadError());
  }

  @Test
  void blankTenantIdIsRequired() {
    config.write("t.yaml", ConfigFixture.minimal("\"  \"", "landing/t"));
    assertEquals("config/tenants/t.yaml: tenant '  ': field 'tenant_id': is required", config.loadError());
  }

  @Test
  void blankDisplayNameFallsBackToId() {
    assertEquals("acme", loadWith("display_name: \"\"\n").displayName());
  }

  // --- accounts ----------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"12345", "1234567890123", "12345678901a", "abc"})
  void accountIdMustBeTwelveDigits(String accountId) {
    assertEquals(PREFIX + "'accounts': '" + accountId + "' is not a 12-digit AWS account id",
        errorWith("accounts:\n  \"" + accountId + "\": { name: payer, business_unit: Platform }\n"));
  }

  @Test
  void accountWithoutBusinessUnit() {
    assertEquals(PREFIX + "'accounts.123456789012.business_unit': is required",
        errorWith("accounts:\n  \"123456789012\": { name: payer }\n"));
  }

  @Test
  void accountWithBlankBusinessUnit() {
    assertEquals(PREFIX + "'accounts.123456789012.business_unit': is required",
        errorWith("accounts:\n  \"123456789012\": { name: payer, business_unit: \" \" }\n"));
  }

  @Test
  void accountWithoutName() {
    assertEquals(PREFIX + "'accounts.123456789012.name': is required",
        errorWith("accounts:\n  \"123456789012\": { business_unit: Platform }\n"));
  }

  @Test
  void accountThatIsNotAMapping() {
    assertEquals(PREFIX + "'accounts.123456789012': expected a mapping",
        errorWith("accounts:\n  \"123456789012\": payer\n"));
  }

  @Test
  void accountsThatIsNotAMapping() {
    assertEquals(PREFIX + "'accounts': expected a mapping", errorWith("accounts: [123456789012]\n"));
  }

  @Test
  void unquotedAccountIdMustBeQuotedBecauseYamlReadsItAsANumber() {
    assertEquals(PREFIX + "'accounts': key 123456789012 must be quoted (\"123456789012\"): unquoted, YAML reads it as a Long",
        errorWith("accounts:\n  123456789012: { name: payer, business_unit: Platform }\n"));
    TenantConfig acme = loadWith("accounts:\n  \"123456789012\": { name: payer, business_unit: Platform }\n");
    assertEquals(Map.of("123456789012", new AccountInfo("123456789012", "payer", "Platform")), acme.accounts());
  }

  // --- tag_keys ----------------------------------------------------------------------------------

  @Test
  void tagKeysDifferingOnlyByCaseAreDuplicates() {
    assertEquals(PREFIX + "'tag_keys': 'environment' is listed twice (tag keys are case-insensitive)",
        errorWith("tag_keys: [Environment, Team, environment]\n"));
  }

  @Test
  void invalidTagKey() {
    assertEquals(PREFIX + "'tag_keys': 'cost#center' is not a valid tag key", errorWith("tag_keys: [\"cost#center\"]\n"));
  }

  @Test
  void overlongTagKey() {
    String key = "k".repeat(129);
    assertEquals(PREFIX + "'tag_keys': '" + key + "' is not a valid tag key", errorWith("tag_keys: [" + key + "]\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tag_keys: Environment\n", "tag_keys: [Environment, 42]\n", "tag_keys: [Env, ~]\n"})
  void tagKeysMustBeAListOfStrings(String yaml) {
    assertEquals(PREFIX + "'tag_keys': expected a list of strings", errorWith(yaml));
  }

  @Test
  void tagKeysKeepTheirOrderAndSpelling() {
    assertEquals(List.of("user:Team", "aws:createdBy", "Cost Center"),
        loadWith("tag_keys: [\"user:Team\", \"aws:createdBy\", Cost Center]\n").tagKeys());
  }

  // --- budget ------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({"0, 0", "-10, -10", "-0.5, -0.5", "0.0, 0.0"})
  void budgetMustBePositive(String yamlValue, String shown) {
    assertEquals(PREFIX + "'budget.monthly_usd': must be > 0 (got " + shown + ")",
        errorWith("budget:\n  monthly_usd: " + yamlValue + "\n"));
  }

  @Test
  void budgetMustBeANumber() {
    assertEquals(PREFIX + "'budget.monthly_usd': expected a number (got '250k')",
        errorWith("budget:\n  monthly_usd: 250k\n"));
  }

  @Test
  void budgetAmountIsRequired() {
    assertEquals(PREFIX + "'budget.monthly_usd': is required", errorWith("budget:\n  warn_percent: 80\n"));
  }

  @Test
  void budgetThatIsNotAMapping() {
    assertEquals(PREFIX + "'budget': expected a mapping", errorWith("budget: 1000\n"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -5, 101, 1000})
  void warnPercentOutOfRange(int percent) {
    assertEquals(PREFIX + "'budget.warn_percent': must be between 1 and 100 (got " + percent + ")",
        errorWith("budget:\n  monthly_usd: 100\n  warn_percent: " + percent + "\n"));
  }

  @Test
  void warnPercentMustBeAWholeNumber() {
    assertEquals(PREFIX + "'budget.warn_percent': expected a whole number (got '85.5')",
        errorWith("budget:\n  monthly_usd: 100\n  warn_percent: 85.5\n"));
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "100, 100"})
  void warnPercentBoundsAreInclusive(int percent, int expected) {
    BudgetConfig budget = loadWith("budget: { monthly_usd: 0.01, warn_percent: " + percent + " }\n").budget().orElseThrow();
    assertEquals(expected, budget.warnPercent());
    assertEquals(new BigDecimal("0.01"), budget.monthlyUsd());
  }
}
