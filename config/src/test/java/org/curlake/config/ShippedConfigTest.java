package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real files in config/tenants/ load and mean what they say. */
class ShippedConfigTest {
  /** Surefire runs in the module folder (config/), which is itself the config directory. */
  private static final Path CONFIG_DIR = Path.of("").toAbsolutePath();

  private static Tenants tenants;

  @BeforeAll
  static void load() {
    tenants = new TenantConfigLoader(CONFIG_DIR).load();
  }

  @Test
  void loadsAllTenantsSortedById() {
    assertEquals(List.of("acme", "globex", "workshop"), tenants.all().stream().map(TenantConfig::id).toList());
    assertEquals(tenants.all(), tenants.active());
  }

  @Test
  void acmeDetectsItsFormatAndHasDefaultWarnPercent() {
    TenantConfig acme = tenants.require("acme");
    assertEquals("Acme Retail (synthetic, legacy CUR)", acme.displayName());
    assertTrue(acme.active());
    assertEquals(Optional.empty(), acme.source().format());
    assertEquals(24, acme.source().freshnessSlaHours());
    assertEquals(CONFIG_DIR.getParent().resolve("landing/acme").toString(), acme.source().location().uri());
    assertEquals(List.of("Environment", "CostCenter", "Project", "Team"), acme.tagKeys());
    assertEquals(Map.of(), acme.accounts());
    BudgetConfig budget = acme.budget().orElseThrow();
    assertEquals(0, new BigDecimal("250000").compareTo(budget.monthlyUsd()));
    assertEquals(80, budget.warnPercent());
  }

  @Test
  void globexIsCur2() {
    TenantConfig globex = tenants.require("globex");
    assertEquals(Optional.of(SourceFormat.CUR2), globex.source().format());
    assertEquals(36, globex.source().freshnessSlaHours());
    assertEquals(List.of("Environment", "Project", "Team"), globex.tagKeys());
    BudgetConfig budget = globex.budget().orElseThrow();
    assertEquals(0, new BigDecimal("400000").compareTo(budget.monthlyUsd()));
    assertEquals(90, budget.warnPercent());
  }

  @Test
  void workshopSourceResolvesAgainstTheProjectRoot() {
    TenantConfig workshop = tenants.require("workshop");
    Path source = Path.of(workshop.source().location().uri());
    assertTrue(source.isAbsolute(), source.toString());
    assertTrue(source.endsWith(Path.of("shared/data/cur-workshop-2018")), source.toString());
    assertEquals(CONFIG_DIR.getParent().resolve("../shared/data/cur-workshop-2018").normalize(), source);
    assertFalse(workshop.source().location().isS3());
    assertEquals(Optional.of(SourceFormat.LEGACY_CUR), workshop.source().format());
    assertEquals(48, workshop.source().freshnessSlaHours());
  }

  @Test
  void workshopAccountsAndBudget() {
    TenantConfig workshop = tenants.require("workshop");
    assertEquals(Map.of(
            "836060457634", new AccountInfo("836060457634", "workshop-payer", "Platform"),
            "011254002932", new AccountInfo("011254002932", "workshop-dev", "Engineering")),
        workshop.accounts());
    assertEquals(List.of("Environment", "CostCenter", "Department", "Workload"), workshop.tagKeys());
    BudgetConfig budget = workshop.budget().orElseThrow();
    assertEquals(0, new BigDecimal("4000").compareTo(budget.monthlyUsd()));
    assertEquals(80, budget.warnPercent());
  }

  @Test
  void shippedSourcesDoNotOverlap() {
    List<TenantConfig> all = tenants.all();
    for (TenantConfig a : all) {
      for (TenantConfig b : all) {
        if (a != b) {
          assertFalse(a.source().location().overlaps(b.source().location()), a.id() + " / " + b.id());
        }
      }
    }
  }
}
