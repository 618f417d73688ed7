package org.curlake.api.cost;

import org.curlake.api.web.BadRequest;

/**
 * The drill-down below a service: its usage types (from daily cost) and the resources of one usage
 * type (from the FOCUS line items). Both stores check their filters here, so they refuse the same way.
 */
public final class DrillDown {
  /** The name a resource list gives the cost of line items without a resource id (tax, support, fees). */
  public static final String NO_RESOURCE = "(no resource id)";

  private DrillDown() {}

  private static final java.util.regex.Pattern USAGE_TYPE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.:/()\\-]{0,127}");

  /** The optional usage type of a resource list, such as {@code USE1-EBS:VolumeUsage.gp2}. */
  public static java.util.Optional<String> usageType(java.util.Optional<String> value) {
    value.ifPresent(usageType -> {
      if (!USAGE_TYPE.matcher(usageType).matches()) {
        throw new BadRequest("usageType", "must be a usage type of letters, digits and _.:/()- (got '"
            + (usageType.length() > 80 ? usageType.substring(0, 80) + "..." : usageType) + "')");
      }
    });
    return value;
  }

  /** Usage types come from daily cost, which a tag filter cannot narrow. */
  public static CostFilter checkUsageTypeFilter(CostFilter filter) {
    if (filter.tag().isPresent()) {
      throw new BadRequest("tag", "usage types cannot be filtered by tag");
    }
    return filter;
  }

  /** The FOCUS cost column for the filter's cost type; FOCUS has no business unit, tags or net cost. */
  public static String focusCostColumn(CostFilter filter) {
    if (filter.tag().isPresent() || filter.businessUnit().isPresent()) {
      throw new BadRequest(filter.tag().isPresent() ? "tag" : "ou", "resources cannot be filtered by tag or business unit");
    }
    return switch (filter.costType()) {
      case UNBLENDED -> "BilledCost";
      case AMORTIZED -> "EffectiveCost";
      case NET -> throw new BadRequest("costType", "resources are ranked by unblended or amortized cost");
    };
  }
}
