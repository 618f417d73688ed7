package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * The time axis of one billing period at one grain: usage intervals are numbered 0..intervals-1
 * from the first hour of the month (UTC). Timestamps are built from epoch seconds and interval
 * texts by arithmetic, so neither depends on the session time zone.
 */
record BillingCalendar(YearMonth period, Grain grain) {
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  BillingCalendar {
    if (period == null || grain == null) {
      throw new IllegalArgumentException("a billing calendar needs a period and a grain");
    }
  }

  long startEpochSecond() {
    return period.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }

  long endEpochSecond() {
    return period.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
  }

  int days() {
    return period.lengthOfMonth();
  }

  int monthHours() {
    return days() * 24;
  }

  int intervalHours() {
    return grain.hours();
  }

  /** Usage intervals in the month. */
  int intervals() {
    return monthHours() / grain.hours();
  }

  /** 2024-01-01T00:00:00Z */
  String startText() {
    return period.atDay(1).atStartOfDay().format(TEXT);
  }

  /** 2024-02-01T00:00:00Z: the exclusive end. */
  String endText() {
    return period.plusMonths(1).atDay(1).atStartOfDay().format(TEXT);
  }

  /** 2024-01-31T23:59:59Z: the last second, where AWS ends RIFee line items. */
  String lastSecondText() {
    return period.atEndOfMonth().atTime(23, 59, 59).format(TEXT);
  }

  Column periodStart() {
    return timestamp_seconds(lit(startEpochSecond()));
  }

  Column periodEnd() {
    return timestamp_seconds(lit(endEpochSecond()));
  }

  Column lastSecond() {
    return timestamp_seconds(lit(endEpochSecond() - 1));
  }

  /** The start of step {@code index} of {@code stepHours} hours. */
  Column stepStart(Column index, int stepHours) {
    return timestamp_seconds(lit(startEpochSecond()).plus(index.cast("long").multiply(stepHours * 3600L)));
  }

  /** The (exclusive) end of step {@code index} of {@code stepHours} hours. */
  Column stepEnd(Column index, int stepHours) {
    return stepStart(index.plus(1), stepHours);
  }

  /** {@code identity_time_interval} of step {@code index}: 2024-01-01T00:00:00Z/2024-01-01T01:00:00Z. */
  Column stepText(Column index, int stepHours) {
    Column startHour = index.cast("long").multiply(stepHours);
    Column endHour = startHour.plus(stepHours);
    Column end = when(endHour.geq(monthHours()), lit(endText())).otherwise(hourText(endHour));
    return concat(hourText(startHour), lit("/"), end);
  }

  /** The whole period: 2024-01-01T00:00:00Z/2024-02-01T00:00:00Z. */
  String periodText() {
    return startText() + "/" + endText();
  }

  private Column hourText(Column hourOfMonth) {
    Column day = floor(hourOfMonth.divide(24)).plus(1);
    Column hour = pmod(hourOfMonth, lit(24L));
    return concat(lit(String.format(Locale.ROOT, "%04d-%02d-", period.getYear(), period.getMonthValue())),
        lpad(day.cast("string"), 2, "0"), lit("T"), lpad(hour.cast("string"), 2, "0"), lit(":00:00Z"));
  }
}
