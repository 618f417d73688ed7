package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenant isolation: no tenant's source may contain, or sit inside, another tenant's source. */
class SourceOverlapTest {
  @TempDir Path tmp;
  private ConfigFixture config;

  @BeforeEach
  void setUp() {
    config = new ConfigFixture(tmp);
  }

  private List<String> ids(Tenants tenants) {
    return tenants.all().stream().map(TenantConfig::id).toList();
  }

  @Test
  void localSourceInsideAnotherIsRefusedNamingBothTenants() {
    config.tenant("acme", "landing").tenant("globex", "landing/globex");
    assertEquals("config/tenants/globex.yaml: tenant 'globex': field 'source.path': '" + tmp.resolve("landing/globex")
        + "' overlaps the source of tenant 'acme' (config/tenants/acme.yaml): a tenant may only read its own data",
        config.loadError());
  }

  @Test
  void localSourceContainingAnotherIsRefused() {
    config.tenant("acme", "landing/all/acme").tenant("globex", "landing/all");
    assertEquals("config/tenants/globex.yaml: tenant 'globex': field 'source.path': '" + tmp.resolve("landing/all")
        + "' overlaps the source of tenant 'acme' (config/tenants/acme.yaml): a tenant may only read its own data",
        config.loadError());
  }

  @Test
  void sameSourceWrittenDifferentlyIsRefused() {
    config.tenant("acme", "landing/acme").tenant("globex", tmp.resolve("landing/x/../acme/").toString());
    assertEquals("config/tenants/globex.yaml: tenant 'globex': field 'source.path': '" + tmp.resolve("landing/acme")
        + "' overlaps the source of tenant 'acme' (config/tenants/acme.yaml): a tenant may only read its own data",
        config.loadError());
  }

  @Test
  void overlapInsideOneTenantsListFile() {
    config.write("synthetic.yaml", """
        tenants:
          - tenant_id: acme
            source: { path: s3a://cur-bucket/acme, freshness_sla_hours: 24 }
          - tenant_id: globex
            source: { path: s3a://cur-bucket/acme/globex/, freshness_sla_hours: 24 }
        """);
    assertEquals("config/tenants/synthetic.yaml: tenant 'globex': field 'source.path': "
        + "'s3a://cur-bucket/acme/globex' overlaps the source of tenant 'acme' (config/tenants/synthetic.yaml): "
        + "a tenant may only read its own data", config.loadError());
  }

  @Test
  void s3aSourcesThatOverlapAreRefused() {
    config.tenant("acme", "s3a://cur-bucket/exports/acme").tenant("globex", "s3a://cur-bucket/exports/");
    assertEquals("config/tenants/globex.yaml: tenant 'globex': field 'source.path': 's3a://cur-bucket/exports' "
        + "overlaps the source of tenant 'acme' (config/tenants/acme.yaml): a tenant may only read its own data",
        config.loadError());
  }

  @Test
  void wholeBucketOverlapsEveryPrefixInIt() {
    config.tenant("acme", "s3a://cur-bucket/acme").tenant("globex", "s3a://cur-bucket");
    assertEquals("config/tenants/globex.yaml: tenant 'globex': field 'source.path': 's3a://cur-bucket' "
        + "overlaps the source of tenant 'acme' (config/tenants/acme.yaml): a tenant may only read its own data",
        config.loadError());
  }

  @Test
  void inactiveTenantsStillMayNotOverlap() {
    config.write("acme.yaml", ConfigFixture.minimal("acme", "landing/acme") + "active: false\n")
        .tenant("globex", "landing/acme/globex");
    assertEquals("config/tenants/globex.yaml: tenant 'globex': field 'source.path': '"
        + tmp.resolve("landing/acme/globex") + "' overlaps the source of tenant 'acme' (config/tenants/acme.yaml): "
        + "a tenant may only read its own data", config.loadError());
  }

  @Test
  void localSiblingsSharingANamePrefixAreAccepted() {
    config.tenant("acme", "landing/acme").tenant("acme2", "landing/acme2").tenant("acme_eu", "landing/acme-eu");
    assertEquals(List.of("acme", "acme2", "acme_eu"), ids(config.load()));
  }

  @Test
  void s3aSiblingsSharingANamePrefixAreAccepted() {
    config.tenant("acme", "s3a://cur-bucket/acme").tenant("acme2", "s3a://cur-bucket/acme2")
        .tenant("globex", "s3a://cur-bucket2/acme");
    assertEquals(List.of("acme", "acme2", "globex"), ids(config.load()));
  }

  @Test
  void localAndS3aSourcesNeverOverlap() {
    config.tenant("acme", "s3a://cur-bucket/acme").tenant("globex", "/cur-bucket/acme");
    assertEquals(List.of("acme", "globex"), ids(config.load()));
  }
}
