package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression tests for bugs found in the loader: each asserts the behaviour the fix gave.
 */
class LoaderRegressionTest {
  @TempDir Path tmp;
  private ConfigFixture config;

  @BeforeEach
  void setUp() {
    config = new ConfigFixture(tmp);
  }

  private static void assertStartsWith(String prefix, String message) {
    assertTrue(message.startsWith(prefix), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3a://cur-bucket/globex/../acme", "s3a://cur-bucket//acme", "s3a://cur-bucket/./acme"})
  void s3aPathsThatNormaliseIntoAnotherTenantsSourceAreRefused(String sneaky) {
    config.tenant("acme", "s3a://cur-bucket/acme").tenant("globex", sneaky);
    String message = config.loadError();
    assertStartsWith("config/tenants/globex.yaml: tenant 'globex': field 'source.path': ", message);
    assertTrue(message.endsWith("'" + sneaky + "' has an empty, '.' or '..' path segment"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "on", "yes", "off"})
  void unquotedYamlBooleanTenantIdIsNotSilentlyRenamed(String id) {
    config.write("t.yaml", ConfigFixture.minimal(id, "landing/t"));
    assertStartsWith("config/tenants/t.yaml: field 'tenant_id': ", config.loadError());
  }

  @ParameterizedTest
  @ValueSource(strings = {".nan", ".inf", "1.0e+400"})
  void nonFiniteBudgetIsAConfigException(String value) {
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", "budget: { monthly_usd: " + value + " }\n"));
    assertStartsWith("config/tenants/acme.yaml: tenant 'acme': field 'budget.monthly_usd': ", config.loadError());
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3a:/cur-bucket/acme", "s3:/cur-bucket/acme"})
  void schemeTypoIsNotTakenForALocalPath(String path) {
    config.tenant("acme", path);
    assertStartsWith("config/tenants/acme.yaml: tenant 'acme': field 'source.path': ", config.loadError());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"landing/\\tacme\"", "\"landing/\\racme\""})
  void otherControlCharactersInPathAreRefused(String yamlPath) {
    config.tenant("acme", yamlPath);
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'source.path': contains control characters",
        config.loadError());
  }

  @Test
  void sameAccountWrittenQuotedAndUnquotedIsADuplicate() {
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", """
        accounts:
          123456789012: { name: payer, business_unit: Platform }
          "123456789012": { name: other, business_unit: Sales }
        """));
    assertThrows(ConfigException.class, config::load);
  }
}
