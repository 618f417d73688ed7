package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.config.SourceFormat;

/**
 * Realistic synthetic Cost and Usage Report line items, deterministic from a seed. Pure: it builds a
 * Dataset from {@code spark.range} and column expressions only (no driver-side row loop, no random
 * generator), so a month of 10M+ rows is generated in parallel and the same spec gives the same rows
 * whatever the partitioning. Writing is {@link GenerateJob}'s job.
 *
 * <p>A month holds exactly {@link GeneratorSpec#rowsIn} line items: usage of EC2, EBS, S3, RDS, Lambda,
 * ELB, NAT gateways, public IPs, DynamoDB and CloudWatch resources across several regions and
 * accounts (on demand, Spot, reservation-covered DiscountedUsage, and Savings Plan covered usage
 * with its negation), the RIFee and SavingsPlanRecurringFee lines of the commitments, Tax and
 * Credit lines. Every row has the columns {@code CanonicalSchema.required()} lists, non-null.
 */
public final class SyntheticCur {
  /** Rows per file; {@link GenerateJob} writes one file per started million. */
  public static final long ROWS_PER_PARTITION = 1_000_000L;
  /**
   * Usage rows per generating task: a month is generated in slices of this size in parallel (then
   * range-partitioned into its files), a number that depends on the row count only, never on the machine.
   */
  public static final long ROWS_PER_SLICE = 50_000L;
  /** HotSpot's HugeMethodLimit: larger methods are never JIT-compiled. */
  private static final int JIT_METHOD_LIMIT = 8000;

  private SyntheticCur() {}

  /** Files for a month of {@code rows}: one per started million. */
  public static int partitions(long rows) {
    return (int) Math.max(1, (rows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION);
  }

  /** Generating tasks for a month of {@code rows}: one per started {@link #ROWS_PER_SLICE}. */
  static int slices(long rows) {
    return (int) Math.max(1, (rows + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE);
  }

  /**
   * The line items of one billing period, in the spec's format (legacy CUR or CUR 2.0), in
   * {@code spark}'s session. For volume, run it in a {@link #generatorSession} (GenerateJob does).
   */
  public static Dataset<Row> month(SparkSession spark, GeneratorSpec spec, YearMonth period) {
    return month(spark, spec, period, InjectionSpec.NONE).lines();
  }

  /** A generated month and how many of its line items the injection added. */
  public record GeneratedMonth(Dataset<Row> lines, long injectedRows) {}

  /**
   * The line items of one billing period with an evaluation's injection: usage shaped by its growth,
   * weekend dip and cost events ({@link DemandShape}), plus the lines of its resources
   * ({@link InjectedLines}). With {@link InjectionSpec#NONE}, exactly {@link #month(SparkSession,
   * GeneratorSpec, YearMonth)}.
   */
  public static GeneratedMonth month(SparkSession spark, GeneratorSpec spec, YearMonth period,
      InjectionSpec injection) {
    if (spark == null) {
      throw new IllegalArgumentException("a SparkSession is required");
    }
    MonthPlan plan = MonthPlan.of(spec, period);
    RowAllocation rows = plan.rows();
    Dataset<Row> usage = UsageLines.of(spark, plan);
    long injectedRows = 0;
    if (!injection.isNone()) {
      // Materialised once (an evaluation's months are small): the injected lines copy templates out of it,
      // and filters over the generator's projections would otherwise compile to methods over 64 KB.
      usage = DemandShape.apply(usage, spec, period, injection).localCheckpoint();
      Dataset<Row> beyond = DemandShape.beyondCommitments(usage, period, injection);
      injectedRows = beyond.count();
      usage = usage.union(beyond);
    }
    Dataset<Row> lines = usage;
    if (rows.reservations() > 0) {
      lines = lines.union(CommitmentFeeLines.reservationFees(spark, plan, usage));
    }
    if (rows.savingsPlanFeeRows() > 0) {
      lines = lines.union(CommitmentFeeLines.savingsPlanFees(spark, plan, usage));
    }
    if (rows.taxRows() + rows.creditRows() > 0) {
      lines = lines.union(AdjustmentLines.of(spark, plan, usage));
    }
    if (!injection.resources().isEmpty()) {
      lines = lines.localCheckpoint();
      Dataset<Row> injected = InjectedLines.of(spark, spec, period, injection, usage, lines);
      injectedRows += injected.count();
      lines = lines.union(injected);
    }
    Dataset<Row> billed = lines.withColumns(billing(plan));
    return new GeneratedMonth(spec.format() == SourceFormat.LEGACY_CUR
        ? LegacyCurFormat.of(billed)
        : Cur2Format.of(billed, plan.edpDiscount()), injectedRows);
  }

  /**
   * A child session of {@code caller} (same SparkContext, its own SQL settings; the caller's session
   * is not changed) tuned for generating: {@code spark.sql.codegen.hugeMethodLimit} 8000, as Spark
   * advises on HotSpot. The generator's wide projections otherwise compile to methods too large for
   * the JIT and run interpreted, several times slower.
   */
  public static SparkSession generatorSession(SparkSession caller) {
    SparkSession session = caller.newSession();
    session.conf().set("spark.sql.codegen.hugeMethodLimit", String.valueOf(JIT_METHOD_LIMIT));
    return session;
  }

  /** Columns every line item shares: identity, bill, account and currency. */
  private static Map<String, Column> billing(MonthPlan plan) {
    SeedHash h = plan.hash();
    MonthCatalog c = plan.catalog();
    Column row = col("row_id");
    Column tenant = lit(plan.spec().tenantId());
    Column period = lit(plan.periodKey());
    Column account = col("account_index");
    Map<String, Column> v = new LinkedHashMap<>();
    // 52 hex digits (208 bits): unique per row, tenant and period; real ids are 52 base32 characters.
    v.put("identity_line_item_id", concat(h.hex16("line-item-1", tenant, period, row),
        h.hex16("line-item-2", tenant, period, row), h.hex16("line-item-3", tenant, period, row),
        h.hex16("line-item-4", tenant, period, row)).substr(1, 52));
    v.put("bill_invoice_id", lit(plan.invoiceId()));
    v.put("bill_billing_entity", lit("AWS"));
    v.put("bill_bill_type", lit("Anniversary"));
    v.put("bill_payer_account_id", lit(plan.organization().payerId()));
    v.put("bill_payer_account_name", lit(plan.organization().payerName()));
    v.put("bill_billing_period_start_date", plan.calendar().periodStart());
    v.put("bill_billing_period_end_date", plan.calendar().periodEnd());
    v.put("line_item_usage_account_id", c.get("account.id", account));
    v.put("line_item_usage_account_name", c.get("account.name", account));
    v.put("line_item_currency_code", lit("USD"));
    v.put("line_item_legal_entity", lit("Amazon Web Services, Inc."));
    v.put("cost_category", map(lit("business_unit"), c.get("account.business_unit", account)));
    return v;
  }
}
