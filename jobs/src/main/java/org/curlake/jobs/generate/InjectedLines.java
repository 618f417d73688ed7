package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.timestamp_seconds;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curlake.jobs.generate.InjectedResource.Kind;

/**
 * The line items of a month's {@link InjectedResource}s: copies of generated line items of the
 * same usage type (templates, the first by row id), with the resource's id, daily amounts and
 * costs at the template's rate, and for commitments their use. Built on the driver (a few hundred
 * rows a month) and returned in the line-item schema.
 */
final class InjectedLines {
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
  private static final long ROW_ID_BASE = 9_000_000_000_000L;
  private static final int RECENT_SNAPSHOT_DAY = 20;

  private final List<String> fields = List.copyOf(LineItemSchema.FIELDS.keySet());
  private final Dataset<Row> usage;
  private final Dataset<Row> lines;
  private final YearMonth period;
  private final boolean lastPeriod;

  private InjectedLines(Dataset<Row> usage, Dataset<Row> lines, YearMonth period, boolean lastPeriod) {
    this.usage = usage;
    this.lines = lines;
    this.period = period;
    this.lastPeriod = lastPeriod;
  }

  /** The injected line items of {@code period} (empty without resources), in the line-item schema. */
  static Dataset<Row> of(SparkSession spark, GeneratorSpec spec, YearMonth period, InjectionSpec injection,
      Dataset<Row> usage, Dataset<Row> lines) {
    if (!injection.resources().isEmpty() && spec.grain() != Grain.DAILY) {
      throw new IllegalArgumentException("injected resources need daily grain, tenant " + spec.tenantId());
    }
    InjectedLines builder = new InjectedLines(usage, lines, period, period.equals(spec.periods().get(spec.months() - 1)));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < injection.resources().size(); i++) {
      rows.addAll(builder.resourceLines(i, injection.resources().get(i)));
    }
    StructType schema = new StructType();
    for (Map.Entry<String, org.apache.spark.sql.types.DataType> field : LineItemSchema.FIELDS.entrySet()) {
      boolean time = field.getKey().equals("line_item_usage_start_date") || field.getKey().equals("line_item_usage_end_date");
      schema = schema.add(field.getKey(), time ? DataTypes.LongType : field.getValue(), true);
    }
    return spark.createDataFrame(rows, schema)
        .withColumn("line_item_usage_start_date", timestamp_seconds(col("line_item_usage_start_date")))
        .withColumn("line_item_usage_end_date", timestamp_seconds(col("line_item_usage_end_date")));
  }

  private List<Row> resourceLines(int index, InjectedResource resource) {
    String id = resource.resourceId();
    List<Row> out = new ArrayList<>();
    switch (resource.kind()) {
      case IDLE_ELASTIC_IP -> daily(out, index, 0, template(usageType("IdleAddress")), id, 24.0, null);
      case ATTACHED_ELASTIC_IP -> daily(out, index, 0,
          template(usageType("AdditionalAddress").or(usageType("InUseAddress"))), id, 24.0, null);
      case IDLE_NAT_GATEWAY, BUSY_NAT_GATEWAY -> {
        Row hours = ownerTemplate(usageType("NatGateway-Hours"), usageType("NatGateway-Bytes"));
        daily(out, index, 0, hours, id, 24.0, null);
        daily(out, index, 1, template(usageType("NatGateway-Bytes"), hours), id,
            resource.kind() == Kind.IDLE_NAT_GATEWAY ? 0.001 : 40.0, hours);
      }
      case IDLE_LOAD_BALANCER, BUSY_LOAD_BALANCER -> {
        Row hours = ownerTemplate(usageType("LoadBalancerUsage"), usageType("LCUUsage"));
        daily(out, index, 0, hours, id, 24.0, null);
        daily(out, index, 1, template(usageType("LCUUsage"), hours), id,
            resource.kind() == Kind.IDLE_LOAD_BALANCER ? 0.01 : 30.0, hours);
      }
      case UNATTACHED_VOLUME -> daily(out, index, 0, template(usageType("EBS:VolumeUsage")), id, gbMonthsPerDay(200),
          null);
      case ATTACHED_VOLUME -> {
        Row instance = ownerTemplate(usageType("BoxUsage").and(col("line_item_line_item_type").equalTo(UsageLines.USAGE)),
            usageType("EBS:VolumeUsage"));
        daily(out, index, 0, instance, id.replace("vol-", "i-"), 24.0, null);
        daily(out, index, 1, template(usageType("EBS:VolumeUsage"), instance), id, gbMonthsPerDay(200), instance);
      }
      case OLD_SNAPSHOT -> daily(out, index, 0, template(usageType("EBS:SnapshotUsage")), id, gbMonthsPerDay(300), null);
      case RECENT_SNAPSHOT -> {
        if (lastPeriod) {
          Row snapshot = template(usageType("EBS:SnapshotUsage"));
          daily(out, index, 0, snapshot, id, gbMonthsPerDay(300), null, RECENT_SNAPSHOT_DAY);
        }
      }
      case UNUSED_RESERVATION, FULLY_USED_RESERVATION -> out.add(reservationFee(index, id,
          resource.kind() == Kind.UNUSED_RESERVATION));
      case UNDERUSED_SAVINGS_PLAN, FULLY_USED_SAVINGS_PLAN -> out.addAll(savingsPlanFees(index, id,
          resource.kind() == Kind.UNDERUSED_SAVINGS_PLAN ? 0.25 : 1.0));
    }
    return out;
  }

  private double gbMonthsPerDay(double gb) {
    return gb * 24 / (period.lengthOfMonth() * 24.0);
  }

  /**
   * One line a day of {@code template} for the resource, {@code amount} units a day at the template's
   * rate; with {@code owner}, in the owner's account and availability zone (a resource's lines, an
   * attached volume and its instance).
   */
  private void daily(List<Row> out, int resource, int line, Row template, String id, double amount, Row owner) {
    daily(out, resource, line, template, id, amount, owner, 1);
  }

  private void daily(List<Row> out, int resource, int line, Row template, String id, double amount, Row owner,
      int firstDay) {
    double rate = template.<Double>getAs("line_item_unblended_rate");
    Double onDemandRate = template.getAs("pricing_public_on_demand_rate");
    for (int d = firstDay; d <= period.lengthOfMonth(); d++) {
      LocalDate day = period.atDay(d);
      long start = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      Object[] v = values(template);
      set(v, "row_id", ROW_ID_BASE + resource * 1_000_000L + line * 1_000L + d);
      set(v, "line_item_usage_start_date", start);
      set(v, "line_item_usage_end_date", start + 86_400L);
      set(v, "identity_time_interval", day.atStartOfDay().format(TEXT) + "/" + day.plusDays(1).atStartOfDay().format(TEXT));
      set(v, "line_item_resource_id", id);
      set(v, "line_item_usage_amount", amount);
      set(v, "line_item_normalized_usage_amount", null);
      double cost = Math.round(amount * rate * 1e10) / 1e10;
      set(v, "line_item_unblended_cost", cost);
      set(v, "line_item_blended_cost", cost);
      set(v, "pricing_public_on_demand_cost", onDemandRate == null ? null : Math.round(amount * onDemandRate * 1e10) / 1e10);
      if (owner != null) {
        set(v, "account_index", owner.getAs("account_index"));
        set(v, "line_item_availability_zone", owner.getAs("line_item_availability_zone"));
      }
      out.add(RowFactory.create(v));
    }
  }

  private Row reservationFee(int resource, String arn, boolean unused) {
    Row template = first(lines.where(col("line_item_line_item_type").equalTo(CommitmentFeeLines.RI_FEE)), "an RIFee");
    Object[] v = values(template);
    set(v, "row_id", ROW_ID_BASE + resource * 1_000_000L);
    set(v, "reservation_reservation_a_r_n", arn);
    double quantity = template.<Double>getAs("line_item_usage_amount");
    double recurring = template.<Double>getAs("line_item_unblended_cost");
    Double upfront = template.getAs("reservation_amortized_upfront_fee_for_billing_period");
    set(v, "reservation_unused_quantity", unused ? quantity : 0.0);
    set(v, "reservation_unused_recurring_fee", unused ? recurring : 0.0);
    set(v, "reservation_unused_amortized_upfront_fee_for_billing_period", unused && upfront != null ? upfront : 0.0);
    return RowFactory.create(v);
  }

  private List<Row> savingsPlanFees(int resource, String arn, double usedShare) {
    Row first = first(lines.where(col("line_item_line_item_type").equalTo(CommitmentFeeLines.PLAN_FEE)),
        "a SavingsPlanRecurringFee");
    List<Row> fees = lines.where(col("line_item_line_item_type").equalTo(CommitmentFeeLines.PLAN_FEE)
        .and(col("savings_plan_index").equalTo(first.<Integer>getAs("savings_plan_index")))).orderBy("row_id")
        .collectAsList();
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < fees.size(); i++) {
      Object[] v = values(fees.get(i));
      set(v, "row_id", ROW_ID_BASE + resource * 1_000_000L + i);
      set(v, "savings_plan_savings_plan_a_r_n", arn);
      Double total = fees.get(i).getAs("savings_plan_total_commitment_to_date");
      set(v, "savings_plan_used_commitment", total == null ? null : Math.round(total * usedShare * 1e8) / 1e8);
      out.add(RowFactory.create(v));
    }
    return out;
  }

  private static Column usageType(String part) {
    return col("line_item_usage_type").contains(part);
  }

  private Row template(Column condition) {
    return first(usage.where(condition), "a line item like " + condition);
  }

  /**
   * The template of a two-line resource's first line: the first line item like {@code condition} in a
   * region that also has a line item like {@code second}, so that both lines can be in one region.
   */
  private Row ownerTemplate(Column condition, Column second) {
    Column region = col("product").getItem("region");
    Object[] regions = usage.where(second).select(region).distinct().collectAsList().stream()
        .map(r -> r.get(0)).filter(Objects::nonNull).toArray();
    return first(usage.where(condition.and(region.isin(regions))),
        "a line item like " + condition + " in a region that also has one like " + second);
  }

  /** A template in the region of {@code owner} (a resource's second line). */
  private Row template(Column condition, Row owner) {
    Map<String, String> product = owner.getJavaMap(owner.fieldIndex("product"));
    return first(usage.where(condition.and(col("product").getItem("region").equalTo(product.get("region")))),
        "a line item like " + condition + " in " + product.get("region"));
  }

  private Row first(Dataset<Row> candidates, String what) {
    List<Row> rows = candidates.orderBy("row_id").limit(1).collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("period " + period + ": the generator emitted no " + what
          + " to copy for an injected resource; raise rows_per_month");
    }
    return rows.get(0);
  }

  private Object[] values(Row template) {
    Object[] v = new Object[fields.size()];
    for (int i = 0; i < v.length; i++) {
      Object value = template.get(template.fieldIndex(fields.get(i)));
      v[i] = value instanceof Timestamp t ? t.getTime() / 1000 : value;
    }
    return v;
  }

  private void set(Object[] values, String field, Object value) {
    values[fields.indexOf(field)] = value;
  }
}
