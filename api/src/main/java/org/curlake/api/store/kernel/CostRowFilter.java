package org.curlake.api.store.kernel;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;
import org.curlake.api.cost.CostFilter;

/** A {@link CostFilter}'s dimension and date conditions applied to cost rows (daily cost or cost by tag). */
final class CostRowFilter implements Predicate<Object[]> {
  private final CostFilter filter;
  private final int date;
  private final int account;
  private final int businessUnit;
  private final int service;
  private final int region;

  CostRowFilter(TableRows rows, CostFilter filter) {
    this.filter = filter;
    this.date = rows.column("usage_date");
    this.account = rows.column("usage_account_id");
    this.businessUnit = rows.column("business_unit");
    this.service = rows.column("product_code");
    this.region = rows.hasColumn("region_code") ? rows.column("region_code") : -1;
  }

  @Override
  public boolean test(Object[] row) {
    return filter.includes((LocalDate) row[date])
        && equal(filter.account(), row[account])
        && equal(filter.businessUnit(), row[businessUnit])
        && equal(filter.service(), row[service])
        && (region < 0 || equal(filter.region(), row[region]));
  }

  private static boolean equal(Optional<String> wanted, Object value) {
    return wanted.isEmpty() || wanted.get().equals(value);
  }
}
