package org.curlake.quality;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.curlake.config.InvalidFieldException;

/**
 * A hard validity rule on bronze rows: a row that breaks it is quarantined with the rule's id as
 * the reason, and is not curated.
 *
 * @param id the rule's id, recorded as the quarantine reason
 * @param kind what the rule checks
 * @param column the bronze column it checks
 * @param pattern the regular expression, for {@link Kind#MATCHES} only
 */
public record ValidityRule(String id, Kind kind, String column, String pattern) {
  /** What a validity rule checks. */
  public enum Kind {
    /** The column is not null. */
    NOT_NULL,
    /** The column's value matches {@code pattern}. */
    MATCHES,
    /** The timestamp column falls inside the row's billing period. */
    WITHIN_BILLING_PERIOD,
    /** The numeric column is zero or positive. */
    NOT_NEGATIVE
  }

  public ValidityRule {
    QualityNames.requireId("id", id);
    if (kind == null) {
      throw new InvalidFieldException("rule", "is required");
    }
    QualityNames.requireColumn("column", column);
    if (kind == Kind.MATCHES) {
      if (pattern == null || pattern.isEmpty()) {
        throw new InvalidFieldException("pattern", "is required for a 'matches' rule");
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new InvalidFieldException("pattern", "is not a valid regular expression: " + e.getDescription());
      }
    } else if (pattern != null) {
      throw new InvalidFieldException("pattern", "only applies to 'matches' rules");
    }
  }
}
