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
    RowAllocation a = RowAllocation.plan(rows, calendar, accounts, 8, 3, 1, 2);
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
  void plansHourlySavingsPlanFeesWhenTheMonthIsLargeEnough() {
    BillingCalendar calendar = new BillingCalendar(YearMonth.of(2024, 1), Grain.HOURLY);
    RowAllocation large = RowAllocation.plan(100_000, calendar, 3, 8, 3, 1, 2);
    assertEquals(744, large.feeSteps());
    assertEquals(1, large.feeStepHours());
    RowAllocation small = RowAllocation.plan(2_000, calendar, 3, 8, 3, 1, 2);
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
