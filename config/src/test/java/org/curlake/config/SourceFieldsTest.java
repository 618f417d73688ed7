package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of a tenant's {@code source:} block, as reported by the loader. */
class SourceFieldsTest {
  private static final String PREFIX = "config/tenants/acme.yaml: tenant 'acme': field ";

  @TempDir Path tmp;
  private ConfigFixture config;

  @BeforeEach
  void setUp() {
    config = new ConfigFixture(tmp);
  }

  private String errorForPath(String yamlPath) {
    return config.write("acme.yaml", ConfigFixture.minimal("acme", yamlPath)).loadError();
  }

  private String errorForSla(String yamlSla) {
    config.write("acme.yaml", """
        tenant_id: acme
        source:
          path: landing/acme
          freshness_sla_hours: %s
        """.formatted(yamlSla));
    return config.loadError();
  }

  private SourceConfig sourceWith(String yamlSourceBody) {
    config.write("acme.yaml", "tenant_id: acme\nsource: { " + yamlSourceBody + " }\n");
    return config.load().require("acme").source();
  }

  // --- path -------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"s3://cur-bucket/acme", "s3n://cur-bucket/acme"})
  void s3AndS3nSchemesMustBeWrittenAsS3a(String path) {
    assertEquals(PREFIX + "'source.path': '" + path + "' uses an unsupported scheme: write s3a://",
        errorForPath(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com/cur", "https://example.com/cur", "hdfs://nn/cur", "file:///tmp/cur",
      "file:/tmp/cur", "gs://bucket/cur", "S3A://cur-bucket/acme"})
  void otherSchemesAreRefused(String path) {
    assertEquals(PREFIX + "'source.path': '" + path + "' has an unsupported scheme: use a local path or s3a://",
        errorForPath(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"   \"", "", "~"})
  void emptyPathIsRequired(String yamlValue) {
    assertEquals(PREFIX + "'source.path': is required", errorForPath(yamlValue));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3a://UPPERCASE/cur", "s3a://Cur-Bucket/acme", "s3a://ab/cur", "s3a://-bucket/cur",
      "s3a://bucket-/cur", "s3a://", "s3a://cur_bucket/cur", "\"s3a://cur-bucket/a b\""})
  void invalidS3aUrisAreRefused(String yamlValue) {
    String path = yamlValue.replace("\"", "");
    assertEquals(PREFIX + "'source.path': '" + path + "' is not a valid s3a://bucket/prefix URI",
        errorForPath(yamlValue));
  }

  @Test
  void filesystemRootIsRefused() {
    assertEquals(PREFIX + "'source.path': '/' is the filesystem root", errorForPath("/"));
  }

  @Test
  void relativePathClimbingToTheRootIsRefused() {
    String climb = "../".repeat(tmp.getNameCount() + 3);
    assertEquals(PREFIX + "'source.path': '" + climb + "' is the filesystem root", errorForPath(climb));
  }

  @Test
  void newlineInsidePathIsRefused() {
    assertEquals(PREFIX + "'source.path': contains control characters", errorForPath("\"landing/\\nacme\""));
  }

  @Test
  void relativePathResolvesAgainstProjectRootAndIsNormalised() {
    SourceConfig source = sourceWith("path: ./landing/x/../acme/, freshness_sla_hours: 1");
    assertEquals(tmp.resolve("landing/acme").toString(), source.location().uri());
  }

  @Test
  void absolutePathIsKeptNormalised() {
    SourceConfig source = sourceWith("path: /data/cur/./acme/, freshness_sla_hours: 1");
    assertEquals("/data/cur/acme", source.location().uri());
  }

  @Test
  void s3aPathLosesItsTrailingSlash() {
    SourceConfig source = sourceWith("path: \"  s3a://cur-bucket/exports/acme/  \", freshness_sla_hours: 1");
    assertEquals("s3a://cur-bucket/exports/acme", source.location().uri());
    assertEquals(true, source.location().isS3());
  }

  @Test
  void bareS3aBucketIsAccepted() {
    assertEquals("s3a://cur-bucket", sourceWith("path: s3a://cur-bucket/, freshness_sla_hours: 1").location().uri());
  }

  @Test
  void pathMustBeAScalar() {
    assertEquals(PREFIX + "'source.path': expected a string", errorForPath("[landing, acme]"));
  }

  // --- freshness_sla_hours -----------------------------------------------------------------------

  @Test
  void negativeSlaIsRefused() {
    assertEquals(PREFIX + "'source.freshness_sla_hours': must be >= 0 (got -1)", errorForSla("-1"));
  }

  @Test
  void slaAboveNinetyDaysIsRefused() {
    assertEquals(PREFIX + "'source.freshness_sla_hours': must be at most 2160 (got 2161)", errorForSla("2161"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "24h        | 24h",
      "'\"24\"'   | 24",
      "24.5       | 24.5",
      "true       | true",
      "99999999999| 99999999999"})
  void nonIntegerSlaIsRefused(String yamlValue, String shown) {
    assertEquals(PREFIX + "'source.freshness_sla_hours': expected a whole number (got '" + shown + "')",
        errorForSla(yamlValue));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 24, SourceConfig.MAX_SLA_HOURS})
  void slaBoundsAreInclusive(int hours) {
    assertEquals(hours, sourceWith("path: landing/acme, freshness_sla_hours: " + hours).freshnessSlaHours());
  }

  // --- format ------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({"legacy_cur, LEGACY_CUR", "cur2, CUR2", "focus, FOCUS"})
  void knownFormats(String configName, SourceFormat expected) {
    SourceConfig source = sourceWith("path: landing/acme, format: " + configName + ", freshness_sla_hours: 1");
    assertEquals(Optional.of(expected), source.format());
    assertEquals(configName, expected.configName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "CUR2", "legacy-cur", "focus1.0"})
  void unknownFormatIsRefused(String format) {
    config.write("acme.yaml", "tenant_id: acme\nsource: { path: landing/acme, format: " + format
        + ", freshness_sla_hours: 1 }\n");
    assertEquals(PREFIX + "'source.format': unknown format '" + format + "', expected one of legacy_cur, cur2, focus",
        config.loadError());
  }

  @Test
  void omittedOrNullFormatMeansDetect() {
    assertEquals(Optional.empty(), sourceWith("path: landing/acme, format: ~, freshness_sla_hours: 1").format());
  }
}
