package org.curlake.jobs.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tenant's AWS organization: account 0 is the payer (management) account, the others are linked
 * accounts. Ids are 12 digits derived from the seed.
 *
 * @param accountIds 12-digit account ids, payer first
 * @param accountNames account names (CUR 2.0 bill_payer_account_name / line_item_usage_account_name)
 * @param businessUnits the cost category each account is mapped to
 */
record Organization(List<String> accountIds, List<String> accountNames, List<String> businessUnits) {
  private static final List<String> LINKED_NAMES = List.of("production", "staging", "development",
      "data-platform", "shared-services", "security", "sandbox", "analytics", "ml-research", "networking",
      "log-archive", "payments");
  private static final List<String> BUSINESS_UNITS = List.of("Retail", "Data & Analytics", "Platform Engineering",
      "Growth", "Recherche & Développement");

  Organization {
    accountIds = List.copyOf(accountIds);
    accountNames = List.copyOf(accountNames);
    businessUnits = List.copyOf(businessUnits);
    if (accountIds.isEmpty() || accountIds.size() != accountNames.size()
        || accountIds.size() != businessUnits.size()) {
      throw new IllegalArgumentException("an organization needs one id, name and business unit per account");
    }
    if (new HashSet<>(accountIds).size() != accountIds.size()) {
      throw new IllegalArgumentException("duplicate account ids " + accountIds);
    }
  }

  static Organization of(GeneratorSpec spec, SeedHash hash) {
    String label = spec.tenantId().replace('_', '-');
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> units = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < spec.accounts(); i++) {
      String id;
      int attempt = 0;
      do {
        id = String.format(Locale.ROOT, "%012d", Math.floorMod(hash.mix("account-id", i, attempt++), 1_000_000_000_000L));
      } while (!taken.add(id));
      ids.add(id);
      if (i == 0) {
        names.add(label + "-management");
        units.add("Shared Services");
      } else {
        int n = i - 1;
        String base = LINKED_NAMES.get(n % LINKED_NAMES.size());
        int round = n / LINKED_NAMES.size();
        names.add(label + "-" + base + (round == 0 ? "" : "-" + (round + 1)));
        units.add(BUSINESS_UNITS.get(hash.pickIndex("business-unit", BUSINESS_UNITS.size(), i)));
      }
    }
    return new Organization(ids, names, units);
  }

  int size() {
    return accountIds.size();
  }

  String payerId() {
    return accountIds.get(0);
  }

  String payerName() {
    return accountNames.get(0);
  }
}
