package org.curlake.jobs.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.curlake.config.InvalidFieldException;
import org.curlake.config.SourceFormat;
import org.curlake.config.TenantId;

/**
 * What to generate: a tenant's synthetic CUR export, {@code months} billing periods from
 * {@code firstPeriod}. A 31-day month holds exactly {@code rowsPerMonth} line items and a shorter
 * month proportionally fewer ({@link #rowsIn}), so every day of the export is about as busy as
 * every other, as in a real bill. Everything generated is a pure function of this spec: the same
 * spec gives the same rows.
 *
 * @param tenantId the tenant the export belongs to (names buckets and accounts)
 * @param format {@link SourceFormat#LEGACY_CUR} or {@link SourceFormat#CUR2}
 * @param seed the seed every generated value is hashed from
 * @param firstPeriod the first billing period
 * @param months how many consecutive billing periods, 1 to {@value #MAX_MONTHS}
 * @param rowsPerMonth line items in a 31-day billing period, 1 to {@value #MAX_ROWS_PER_MONTH}
 * @param accounts accounts in the organization including the payer (management) account, 1 to
 *     {@value #MAX_ACCOUNTS}; 1 is a standalone account
 * @param grain hourly or daily line items
 */
public record GeneratorSpec(
    String tenantId,
    SourceFormat format,
    long seed,
    YearMonth firstPeriod,
    int months,
    long rowsPerMonth,
    int accounts,
    Grain grain) {
  public static final int MAX_MONTHS = 120;
  public static final long MAX_ROWS_PER_MONTH = 1_000_000_000L;
  public static final int MAX_ACCOUNTS = 50;
  private static final YearMonth EARLIEST = YearMonth.of(2000, 1);
  private static final YearMonth LATEST = YearMonth.of(2099, 12);

  public GeneratorSpec {
    TenantId.validate("tenant", tenantId);
    if (format == null) {
      throw new InvalidFieldException("format", "is required");
    }
    if (format == SourceFormat.FOCUS) {
      throw new InvalidFieldException("format", "FOCUS generation is not supported yet");
    }
    if (firstPeriod == null) {
      throw new InvalidFieldException("first_period", "is required");
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new InvalidFieldException("months", "must be between 1 and " + MAX_MONTHS + ", got " + months);
    }
    if (firstPeriod.isBefore(EARLIEST) || firstPeriod.plusMonths(months - 1L).isAfter(LATEST)) {
      throw new InvalidFieldException("first_period",
          "periods " + firstPeriod + " + " + months + " month(s) must lie between " + EARLIEST + " and " + LATEST);
    }
    if (rowsPerMonth < 1 || rowsPerMonth > MAX_ROWS_PER_MONTH) {
      throw new InvalidFieldException("rows_per_month",
          "must be between 1 and " + MAX_ROWS_PER_MONTH + ", got " + rowsPerMonth);
    }
    if (accounts < 1 || accounts > MAX_ACCOUNTS) {
      throw new InvalidFieldException("accounts", "must be between 1 and " + MAX_ACCOUNTS + ", got " + accounts);
    }
    if (grain == null) {
      throw new InvalidFieldException("grain", "is required");
    }
  }

  /** The billing periods to generate, in order. */
  public List<YearMonth> periods() {
    List<YearMonth> periods = new ArrayList<>(months);
    for (int i = 0; i < months; i++) {
      periods.add(firstPeriod.plusMonths(i));
    }
    return List.copyOf(periods);
  }

  /** Line items in {@code period}: {@code rowsPerMonth} scaled by its days over 31, rounded, at least 1. */
  public long rowsIn(YearMonth period) {
    return Math.max(1, (rowsPerMonth * period.lengthOfMonth() + 15) / 31);
  }

  /** Line items over every period. */
  public long totalRows() {
    return periods().stream().mapToLong(this::rowsIn).sum();
  }

  /** A copy with another row count (handy for small previews of the same tenant). */
  public GeneratorSpec withRowsPerMonth(long rows) {
    return new GeneratorSpec(tenantId, format, seed, firstPeriod, months, rows, accounts, grain);
  }
}
