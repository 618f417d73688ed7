package org.curlake.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.curlake.config.InvalidFieldException;

/** The platform's validity rules (quarantine) and quality checks (dq_results), from config/quality/rules.yaml. */
public record QualityRules(List<ValidityRule> validity, List<QualityCheck> checks) {
  public QualityRules {
    validity = List.copyOf(validity);
    checks = List.copyOf(checks);
    Set<String> ids = new HashSet<>();
    validity.forEach(rule -> requireUnique(ids, rule.id()));
    checks.forEach(check -> requireUnique(ids, check.id()));
  }

  private static void requireUnique(Set<String> ids, String id) {
    if (!ids.add(id)) {
      throw new InvalidFieldException("id", "'" + id + "' is used by more than one rule or check");
    }
  }
}
