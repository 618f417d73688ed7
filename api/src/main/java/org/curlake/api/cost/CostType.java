package org.curlake.api.cost;

import java.util.Arrays;
import java.util.Locale;
import org.curlake.api.web.BadRequest;

/** Which cost a figure sums: unblended (as billed), amortized (commitments spread) or net (after discounts). */
public enum CostType {
  UNBLENDED("unblended_cost"),
  AMORTIZED("amortized_cost"),
  NET("net_amortized_cost");

  private final String column;

  CostType(String column) {
    this.column = column;
  }

  /** The curated column holding this cost. */
  public String column() {
    return column;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CostType parse(String value) {
    if (value == null || value.isBlank()) {
      return AMORTIZED;
    }
    return Arrays.stream(values()).filter(t -> t.label().equals(value)).findFirst()
        .orElseThrow(() -> new BadRequest("costType", "must be one of unblended, amortized, net (got '" + value + "')"));
  }
}
