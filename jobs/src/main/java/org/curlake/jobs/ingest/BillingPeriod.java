package org.curlake.jobs.ingest;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** A CUR billing period: one calendar month, written {@code YYYY-MM} (the bronze partition value). */
public record BillingPeriod(YearMonth month) implements Comparable<BillingPeriod> {
  private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

  public BillingPeriod {
    if (month == null) {
      throw new IllegalArgumentException("billing period is required");
    }
    if (month.getYear() < 2000 || month.getYear() > 2200) {
      throw new IllegalArgumentException("billing period " + month + " is out of range");
    }
  }

  public static BillingPeriod parse(String value) {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("billing period '" + value + "' is not of the form YYYY-MM");
    }
    try {
      return new BillingPeriod(YearMonth.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("billing period '" + value + "' is not a valid month", e);
    }
  }

  public static BillingPeriod of(int year, int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month " + month + " is not between 1 and 12");
    }
    return new BillingPeriod(YearMonth.of(year, month));
  }

  /** The first instant of the period, UTC. */
  public Instant start() {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The first instant after the period, UTC. */
  public Instant end() {
    return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  @Override
  public int compareTo(BillingPeriod other) {
    return month.compareTo(other.month);
  }

  @Override
  public String toString() {
    return month.toString();
  }
}
