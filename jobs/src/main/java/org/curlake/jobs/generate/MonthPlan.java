package org.curlake.jobs.generate;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Everything decided on the driver for one generated month, all derived from the spec and the
 * period: the calendar, how rows are allocated, the organization, the commitments in force, the
 * tenant's tax and private-pricing (EDP) rates, and the catalogs as literal columns.
 */
record MonthPlan(GeneratorSpec spec, BillingCalendar calendar, RowAllocation rows, Organization organization,
    Commitments commitments, List<String> productCodes, SeedHash hash, double edpDiscount, double taxRate,
    String invoiceId, MonthCatalog catalog) {
  private static final double[] EDP_DISCOUNTS = {0.0, 0.03, 0.05, 0.07};
  private static final double[] TAX_RATES = {0.06, 0.0625, 0.07, 0.0825};

  MonthPlan {
    productCodes = List.copyOf(productCodes);
  }

  static MonthPlan of(GeneratorSpec spec, YearMonth period) {
    if (spec == null || period == null) {
      throw new IllegalArgumentException("a month plan needs a spec and a period");
    }
    SeedHash hash = new SeedHash(spec.seed());
    BillingCalendar calendar = new BillingCalendar(period, spec.grain());
    Organization org = Organization.of(spec, hash);
    Commitments wanted = Commitments.of(spec, hash, org);
    List<String> codes = ResourceKind.productCodes(period);
    RowAllocation rows = RowAllocation.plan(spec.rowsIn(period), spec.rowsPerMonth(), calendar, org.size(), codes.size(),
        wanted.computeReservations().size(), wanted.databaseReservations().size(), wanted.savingsPlans().size());
    Commitments used = wanted.limitTo(rows.computeReservations(), rows.databaseReservations(), rows.savingsPlans());
    long periodKey = period.getYear() * 12L + period.getMonthValue();
    String invoice = String.format(Locale.ROOT, "%09d", Math.floorMod(hash.mix("invoice", periodKey), 1_000_000_000L));
    return new MonthPlan(spec, calendar, rows, org, used, codes, hash,
        EDP_DISCOUNTS[hash.pickIndex("edp", EDP_DISCOUNTS.length)],
        TAX_RATES[hash.pickIndex("tax-rate", TAX_RATES.length)], invoice,
        new MonthCatalog(period, org, used, codes, hash));
  }

  YearMonth period() {
    return calendar.period();
  }

  /** A key for hashing that differs per period. */
  long periodKey() {
    return period().getYear() * 12L + period().getMonthValue();
  }
}
