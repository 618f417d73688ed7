package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional idle: and anomalies: blocks of a tenant: defaults, partial blocks, refused values. */
class AnalyticsConfigTest {
  @TempDir Path tmp;
  private ConfigFixture config;

  @BeforeEach
  void setUp() {
    config = new ConfigFixture(tmp);
  }

  @Test
  void defaultsWhenAbsent() {
    TenantConfig acme = config.tenant("acme", "landing/acme").load().require("acme");
    assertEquals(IdleThresholds.DEFAULTS, acme.idle());
    assertEquals(AnomalyConfig.DEFAULTS, acme.anomalies());
  }

  @Test
  void partialBlocksKeepTheOtherDefaults() {
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", """
        idle: { nat_min_gb_per_month: 5, snapshot_max_age_days: 30 }
        anomalies: { sensitivity: 3.5 }
        """));
    TenantConfig acme = config.load().require("acme");
    assertEquals(new IdleThresholds(5.0, 10.0, 7, 30, 1.0), acme.idle());
    assertEquals(new AnomalyConfig(50.0, 3.5), acme.anomalies());
  }

  @Test
  void refusesUnknownKeysAndBadValues() {
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", "idle: { nat_gb: 5 }\n"));
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'idle.nat_gb': unknown key; allowed keys are "
        + "[nat_min_gb_per_month, lb_min_lcu_hours_per_month, ebs_min_days_without_instance, snapshot_max_age_days, "
        + "min_monthly_waste_usd]", config.loadError());
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", "idle: { snapshot_max_age_days: 0 }\n"));
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'idle.snapshot_max_age_days': "
        + "must be between 1 and 3650 (got 0)", config.loadError());
    config.write("acme.yaml", ConfigFixture.minimalWith("acme", "anomalies: { min_impact_usd: .nan }\n"));
    assertEquals("config/tenants/acme.yaml: tenant 'acme': field 'anomalies.min_impact_usd': "
        + "must be a finite number between 0 and 1e9 (got NaN)", config.loadError());
  }
}
