package org.curlake.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.curlake.config.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's validation and the driver-side planning that needs no Spark. */
class GeneratorSpecTest {
  private static GeneratorSpec spec(SourceFormat format, int months, long rows, int accounts) {
    return new GeneratorSpec("acme", format, 42, YearMonth.of(2024, 1), months, rows, accounts, Grain.HOURLY);
  }

  @Test
  void rejectsFocusWithAClearMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> spec(SourceFormat.FOCUS, 1, 10, 1));
    assertTrue(e.getMessage().contains("FOCUS generation is not supported yet"), e.getMessage());
  }

  @Test
  void rejectsOutOfRangeFields() {
    assertThrows(IllegalArgumentException.class, () -> spec(SourceFormat.CUR2, 0, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> spec(SourceFormat.CUR2, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> spec(SourceFormat.CUR2, 1, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> spec(SourceFormat.CUR2, 1, 10, 51));
    assertThrows(IllegalArgumentException.class, () -> spec(null, 1, 10, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new GeneratorSpec("Bad Tenant", SourceFormat.CUR2, 1, YearMonth.of(2024, 1), 1, 10, 1, Grain.DAILY));
    assertThrows(IllegalArgumentException.class,
        () -> new GeneratorSpec("acme", SourceFormat.CUR2, 1, null, 1, 10, 1, Grain.DAILY));
    assertThrows(IllegalArgumentException.class,
        () -> new GeneratorSpec("acme", SourceFormat.CUR2, 1, YearMonth.of(2024, 1), 1, 10, 1, null));
    IllegalArgumentException months = assertThrows(IllegalArgumentException.class,
        () -> spec(SourceFormat.CUR2, 0, 10, 1));
    assertTrue(months.getMessage().contains("months"), months.getMessage());
  }

  @Test
  void listsConsecutivePeriodsAcrossYears() {
    GeneratorSpec spec = new GeneratorSpec("acme", SourceFormat.LEGACY_CUR, 1, YearMonth.of(2023, 11), 3, 10, 2,
        Grain.DAILY);
    assertEquals(List.of(YearMonth.of(2023, 11), YearMonth.of(2023, 12), YearMonth.of(2024, 1)), spec.periods());
  }

  @Test
  void parsesGrainsInAnyCase() {
    assertEquals(Grain.HOURLY, Grain.parse("Hourly"));
    assertEquals(Grain.DAILY, Grain.parse(" daily "));
    assertThrows(IllegalArgumentException.class, () -> Grain.parse("weekly"));
  }

  @ParameterizedTest
  @CsvSource({"1,HOURLY,3", "2,DAILY,3", "7,HOURLY,1", "2001,HOURLY,3", "20000,DAILY,50", "100000,HOURLY,12",
      "10000000,HOURLY,50", "10000000,DAILY,3"})
  void allocatesExactlyTheRequestedRows(long rows, Grain grain, int accounts) {
    BillingCalendar calendar = new BillingCalendar(YearMonth.of(2024, 2), grain);
    RowAllocation a = RowAllocation.plan(rows, rows, calendar, accounts, 8, 3, 1, 2);
    long fixed = a.reservations() + a.savingsPlanFeeRows() + a.taxRows() + a.creditRows();
    assertEquals(rows, a.usageRows() + fixed);
    assertEquals(0, a.usageRows() % 2, "usage rows come in pairs");
    assertTrue(fixed <= Math.max(1, rows / 10) + 1, "fees, tax and credits take at most a tenth");
    if (a.usageRows() > 0) {
      assertTrue(a.occurrences() <= calendar.intervals(), "a resource never runs twice in one interval");
      assertTrue((long) a.occurrences() * a.stride() <= calendar.intervals());
    }
  }

  @Test
  void scalesAMonthsRowsByItsDays() {
    GeneratorSpec spec = new GeneratorSpec("acme", SourceFormat.CUR2, 1, YearMonth.of(2024, 1), 3, 31_000, 3,
        Grain.DAILY);
    assertEquals(31_000, spec.rowsIn(YearMonth.of(2024, 1)));
    assertEquals(29_000, spec.rowsIn(YearMonth.of(2024, 2)), "a leap February");
    assertEquals(30_000, spec.rowsIn(YearMonth.of(2024, 4)));
    assertEquals(31_000 + 29_000 + 31_000, spec.totalRows());
    assertEquals(1, spec.withRowsPerMonth(1).rowsIn(YearMonth.of(2023, 2)), "never an empty month");
  }

  @ParameterizedTest
  @CsvSource({"8000,DAILY", "20000,DAILY", "1000000,DAILY", "8000,HOURLY", "1000000,HOURLY"})
  void givesEveryMonthOfASpecTheSameResources(long rowsPerMonth, Grain grain) {
    GeneratorSpec spec = new GeneratorSpec("acme", SourceFormat.CUR2, 1, YearMonth.of(2023, 1), 12, rowsPerMonth, 3,
        grain);
    RowAllocation january = RowAllocation.plan(spec.rowsIn(YearMonth.of(2023, 1)), rowsPerMonth,
        new BillingCalendar(YearMonth.of(2023, 1), grain), 3, 8, 3, 1, 2);
    for (YearMonth period : spec.periods()) {
      BillingCalendar calendar = new BillingCalendar(period, grain);
      RowAllocation a = RowAllocation.plan(spec.rowsIn(period), rowsPerMonth, calendar, 3, 8, 3, 1, 2);
      assertEquals(january.resourceGroups(), a.resourceGroups(), period + ": the same resources as January");
      assertTrue(a.occurrences() <= calendar.intervals(), period + ": a resource never runs twice in one interval");
      if (grain == Grain.DAILY) {
        assertTrue(a.occurrences() >= calendar.days() - 1, period + ": at daily grain a resource runs (nearly) every"
            + " day, ran " + a.occurrences());
      }
    }
  }

  @Test
  void refusesAMonthLargerThanTheLongestMonth() {
    BillingCalendar calendar = new BillingCalendar(YearMonth.of(2024, 1), Grain.DAILY);
    assertThrows(IllegalArgumentException.class, () -> RowAllocation.plan(2_000, 1_000, calendar, 3, 8, 3, 1, 2));
  }

  @Test
  void plansHourlySavingsPlanFeesWhenTheMonthIsLargeEnough() {
    BillingCalendar calendar = new BillingCalendar(YearMonth.of(2024, 1), Grain.HOURLY);
    RowAllocation large = RowAllocation.plan(100_000, 100_000, calendar, 3, 8, 3, 1, 2);
    assertEquals(744, large.feeSteps());
    assertEquals(1, large.feeStepHours());
    RowAllocation small = RowAllocation.plan(2_000, 2_000, calendar, 3, 8, 3, 1, 2);
    assertEquals(31, small.feeSteps(), "coarsened to daily fee steps when hourly ones do not fit");
  }

  @Test
  void exportsTagKeysTheWayAwsNamesColumns() {
    assertEquals("user_cost_center", ResourceTags.exportKey("user:CostCenter"));
    assertEquals("user_costcenter", ResourceTags.exportKey("user:costcenter"));
    assertEquals("user_environment", ResourceTags.exportKey("user:Environment"));
    assertEquals("user_environment", ResourceTags.exportKey("user:environment"));
    assertEquals("aws_created_by", ResourceTags.exportKey("aws:createdBy"));
  }

  @Test
  void laysPeriodsOutLikeAwsDeliveries() {
    assertEquals("year=2024/month=3", GenerateJob.periodFolder(SourceFormat.LEGACY_CUR, YearMonth.of(2024, 3)));
    assertEquals("data/BILLING_PERIOD=2024-03", GenerateJob.periodFolder(SourceFormat.CUR2, YearMonth.of(2024, 3)));
  }

  @Test
  void derivesDistinctTwelveDigitAccounts() {
    Organization org = Organization.of(spec(SourceFormat.CUR2, 1, 10, 50), new SeedHash(42));
    assertEquals(50, org.size());
    assertTrue(org.accountIds().stream().allMatch(id -> id.matches("\\d{12}")));
    assertEquals("acme-management", org.payerName());
    assertEquals(org.accountIds(), Organization.of(spec(SourceFormat.CUR2, 1, 10, 50), new SeedHash(42)).accountIds());
  }
}
