package org.curlake.api.store.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.curlake.api.cost.CostFilter;
import org.curlake.api.cost.DrillDown;

/** Exact cost per resource id (of one usage type, when given), summed over the FOCUS line items that match a filter. */
final class ResourceCostSums {
  private ResourceCostSums() {}

  static Map<String, BigDecimal> of(TableRows focus, CostFilter filter, Optional<String> usageType) {
    String costColumn = DrillDown.focusCostColumn(filter);
    Map<String, BigDecimal> sums = new HashMap<>();
    if (focus.rows().isEmpty()) {
      return sums;
    }
    RowReader r = new RowReader(focus);
    for (Object[] row : focus.rows()) {
      Instant start = r.instant(row, "ChargePeriodStart");
      if (equal(usageType, r.string(row, "x_UsageType")) && start != null
          && filter.includes(LocalDate.ofInstant(start, ZoneOffset.UTC))
          && equal(filter.account(), r.string(row, "SubAccountId"))
          && equal(filter.service(), r.string(row, "x_ServiceCode"))
          && equal(filter.region(), r.string(row, "RegionId"))) {
        String resource = r.string(row, "ResourceId");
        BigDecimal cost = r.decimal(row, costColumn);
        sums.merge(resource == null || resource.isBlank() ? DrillDown.NO_RESOURCE : resource,
            cost == null ? BigDecimal.ZERO : cost, BigDecimal::add);
      }
    }
    return sums;
  }

  /** The one billing period the filter's dates fall in, to read only that partition. */
  static Optional<String> period(CostFilter filter) {
    if (filter.from().isPresent() && filter.to().isPresent()
        && java.time.YearMonth.from(filter.from().get()).equals(java.time.YearMonth.from(filter.to().get()))) {
      return Optional.of(java.time.YearMonth.from(filter.from().get()).toString());
    }
    return Optional.empty();
  }

  private static boolean equal(Optional<String> wanted, String value) {
    return wanted.isEmpty() || wanted.get().equals(value);
  }
}
