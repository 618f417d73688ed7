package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_concat;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;
import static org.curlake.jobs.generate.MonthCatalog.EC2;
import static org.curlake.jobs.generate.MonthCatalog.FIXED;
import static org.curlake.jobs.generate.MonthCatalog.RDS;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.generate.UsageProfile.AmountModel;

/**
 * The usage line items of a month, from {@code spark.range}: row id → (resource group, occurrence,
 * line) → kind, account, region, coverage → usage type, amount, rate, cost. A group is one resource
 * for the whole month; it bills its two lines in every interval it runs. Coverage decides the line
 * item types: Usage (on demand or Spot), DiscountedUsage (a reservation; unblended cost 0, the
 * reservation's effective cost), or a SavingsPlanCoveredUsage/SavingsPlanNegation pair of equal and
 * opposite unblended cost.
 */
final class UsageLines {
  static final String USAGE = "Usage";
  static final String DISCOUNTED = "DiscountedUsage";
  static final String COVERED = "SavingsPlanCoveredUsage";
  static final String NEGATION = "SavingsPlanNegation";
  private static final int ON_DEMAND = 0;
  private static final int RESERVED = 1;
  private static final int SAVINGS_PLAN = 2;
  private static final int SPOT = 3;

  private UsageLines() {}

  static Dataset<Row> of(SparkSession spark, MonthPlan plan) {
    RowAllocation rows = plan.rows();
    MonthCatalog c = plan.catalog();
    SeedHash h = plan.hash();
    long groups = Math.max(1, rows.resourceGroups());
    Column id = col("id");
    Column pair = RowAllocation.quotient(id, 2);
    Dataset<Row> lines = spark.range(0, rows.usageRows(), 1, SyntheticCur.slices(rows.rows()))
        .select(id.as("row_id"), pmod(id, lit(2L)).cast("int").as("line"), pmod(pair, lit(groups)).as("group_id"),
            RowAllocation.quotient(pair, groups).as("occurrence"));

    // The resource: kind, account, coverage (on demand, reservation, savings plan, spot).
    Column g = col("group_id");
    lines = lines.select(col("*"), c.get("kind.for_draw", h.pick("kind", c.kindDraws(), g)).as("kind_index"),
        h.pick("account", plan.organization().size(), g).as("account_index"));
    Column kind = col("kind_index");
    Column kindBasis = c.kind("basis", kind);
    Column draw = h.fraction("coverage", g);
    Column coverage = when(kindBasis.equalTo(EC2).and(draw.lt(0.20)).and(lit(rows.computeReservations() > 0)),
        RESERVED)
        .when(kindBasis.equalTo(EC2).and(draw.lt(0.45)).and(lit(rows.savingsPlans() > 0)), SAVINGS_PLAN)
        .when(c.kind("spot_eligible", kind).and(draw.lt(0.55)), SPOT)
        .when(kindBasis.equalTo(RDS).and(draw.lt(0.40)).and(lit(rows.databaseReservations() > 0)), RESERVED)
        .when(c.kind("plan_eligible", kind).and(kindBasis.equalTo(FIXED)).and(draw.lt(0.30))
            .and(lit(rows.savingsPlans() > 0)), SAVINGS_PLAN)
        .otherwise(ON_DEMAND);
    lines = lines.select(col("*"), kindBasis.as("kind_basis"), coverage.as("coverage"));

    Column cov = col("coverage");
    Column reserved = cov.equalTo(RESERVED);
    kindBasis = col("kind_basis");
    Column reservationIndex = when(reserved, when(kindBasis.equalTo(EC2),
        h.pick("reservation", rows.computeReservations(), g))
        .otherwise(h.pick("reservation", rows.databaseReservations(), g).plus(rows.computeReservations())));
    Column planIndex = when(cov.equalTo(SAVINGS_PLAN), h.pick("savings-plan", rows.savingsPlans(), g));
    lines = lines.select(col("*"), reservationIndex.as("reservation_index"), planIndex.as("savings_plan_index"));

    // Where and what it runs: a covered resource is what its reservation covers.
    Column reservation = col("reservation_index");
    Column typeCount = when(kindBasis.equalTo(EC2), lit(InstanceType.EC2.size()))
        .when(kindBasis.equalTo(RDS), lit(InstanceType.RDS.size())).otherwise(lit(1));
    Column regionIndex = when(reserved, c.reservation("region", reservation))
        .otherwise(c.get("region.for_draw", h.pick("region", c.regionDraws(), g)));
    Column typeIndex = when(reserved, c.reservation("instance_type", reservation))
        .otherwise(h.pick("instance-type", typeCount, g));
    Column variant = when(reserved.or(cov.equalTo(SPOT)), 0)
        .when(kindBasis.equalTo(EC2).and(h.fraction("os", g).lt(0.15)), 1)
        .when(kindBasis.equalTo(RDS).and(h.fraction("engine", g).lt(0.45)), 1)
        .otherwise(0);
    Column line = col("line");
    Column profileIndex = when(line.equalTo(0).or(cov.equalTo(SAVINGS_PLAN)), c.kind("primary", kind))
        .otherwise(c.kind("secondary", kind));
    BillingCalendar calendar = plan.calendar();
    // Where in the month a resource starts: the same fraction of every month, so its schedule carries on.
    Column offset = floor(h.fraction("offset", g).multiply(calendar.intervals())).cast("long");
    Column interval = pmod(offset.plus(col("occurrence").multiply(rows.stride())), lit((long) calendar.intervals()));
    Column lineType = when(line.equalTo(0),
        when(reserved, lit(DISCOUNTED)).when(cov.equalTo(SAVINGS_PLAN), lit(COVERED)).otherwise(lit(USAGE)))
        .otherwise(when(cov.equalTo(SAVINGS_PLAN), lit(NEGATION)).otherwise(lit(USAGE)));
    lines = lines.select(col("*"), regionIndex.as("region_index"), typeIndex.as("type_index"),
        variant.as("variant"), profileIndex.as("profile_index"), interval.as("interval"),
        lineType.as("line_type"));

    // How much, at what rate.
    Column profile = col("profile_index");
    Column basis = c.profile("basis", profile);
    Column low = c.profile("low", profile);
    Column high = c.profile("high", profile);
    Column model = c.profile("amount_model", profile);
    int intervalHours = calendar.intervalHours();
    Column size = floor(low.plus(h.fraction("size", g, profile).multiply(high.minus(low))));
    Column volume = low.plus(h.fraction("volume", g, col("occurrence"), profile)
        .multiply(high.minus(low))).multiply(intervalHours);
    Column amount = when(model.equalTo(AmountModel.RUNNING_HOURS.ordinal()), lit((double) intervalHours))
        .when(model.equalTo(AmountModel.STORAGE_MONTHS.ordinal()),
            round(size.multiply(intervalHours).divide(calendar.monthHours()), 10))
        .when(c.profile("unit", profile).isin("Requests", "WriteRequestUnits"), round(volume, 0))
        .otherwise(round(volume, 6));
    Column typeSlot = when(basis.notEqual(FIXED), col("type_index")).otherwise(lit(0));
    Column spotLine = cov.equalTo(SPOT).and(line.equalTo(0));
    lines = lines.select(col("*"), amount.cast("double").as("amount"), typeSlot.as("type_slot"),
        spotLine.as("spot_line"), basis.as("basis"));

    Column onDemandRate = c.line("rate", profile, col("type_slot"), col("region_index"), col("variant"));
    Column spotRate = round(onDemandRate.multiply(lit(0.26).plus(h.fraction("spot-price", g, col("occurrence"))
        .multiply(0.10))), 4);
    Column rate = when(col("line_type").equalTo(DISCOUNTED), lit(0.0)).when(col("spot_line"), spotRate)
        .otherwise(onDemandRate);
    lines = lines.select(col("*"), onDemandRate.as("on_demand_rate"), rate.as("rate"));
    return LineItemSchema.select(lines, values(plan));
  }

  private static Map<String, Column> values(MonthPlan plan) {
    MonthCatalog c = plan.catalog();
    SeedHash h = plan.hash();
    BillingCalendar calendar = plan.calendar();
    Column g = col("group_id");
    Column type = col("line_type");
    Column discounted = type.equalTo(DISCOUNTED);
    Column covered = type.equalTo(COVERED);
    Column negation = type.equalTo(NEGATION);
    Column spotLine = col("spot_line");
    Column kindBasis = col("kind_basis");
    Column profile = col("profile_index");
    Column basis = col("basis");
    Column regionIndex = col("region_index");
    Column regionCode = c.region("code", regionIndex);
    Column location = c.region("location", regionIndex);
    Column variant = col("variant");
    Column typeIndex = col("type_index");
    Column sized = basis.notEqual(FIXED);
    Column typeName = when(sized, c.instance("name", kindBasis, typeIndex));
    Column reservation = col("reservation_index");
    Column savingsPlan = col("savings_plan_index");
    Column accountId = c.get("account.id", col("account_index"));
    Column amount = col("amount");
    Column onDemand = col("on_demand_rate");
    Column rate = col("rate");
    Column productCode = c.profile("product_code", profile);
    Column productName = c.profile("product_name", profile);

    Column usageType = when(spotLine, line(c, "spot_usage_type")).otherwise(line(c, "usage_type"));
    Column spotZone = h.pick("spot-zone", 60, g).plus(1);
    Column os = when(variant.equalTo(1), lit("Windows")).otherwise(lit("Linux"));
    Column engine = when(variant.equalTo(1), lit("PostgreSQL")).otherwise(lit("MySQL"));
    Column operation = when(spotLine, concat(lit("RunInstances:SV"), lpad(spotZone.cast("string"), 3, "0")))
        .when(basis.equalTo(EC2).and(variant.equalTo(1)), lit("RunInstances:0002"))
        .when(kindBasis.equalTo(RDS),
            when(variant.equalTo(1), lit("CreateDBInstance:0014")).otherwise(lit("CreateDBInstance:0002")))
        .otherwise(c.profile("operation", profile));
    Column zones = c.region("zones", regionIndex);
    Column zone = when(c.profile("zonal", profile),
        concat(regionCode, zones.substr(h.pick("zone", length(zones), g).plus(1), lit(1))));
    Column sku = line(c, "sku");
    Column description = when(discounted, when(kindBasis.equalTo(RDS),
        concat(engine, lit(", "), typeName, lit(" reserved instance applied")))
        .otherwise(concat(lit("Linux/UNIX (Amazon VPC), "), typeName, lit(" reserved instance applied"))))
        .when(negation, concat(lit("SavingsPlanNegation used by AccountId : "), accountId, lit(" and UsageSku : "), sku))
        .when(spotLine, concat(typeName, lit(" Linux/UNIX Spot Instance-hour in "), location, lit(" in VPC Zone #"),
            spotZone.cast("string")))
        .otherwise(line(c, "description"));

    Column none = map().cast(LineItemSchema.TEXT_MAP);
    Column product = map_concat(
        map(lit("product_name"), productName, lit("servicename"), productName, lit("region"), regionCode),
        when(sized, map(lit("instance_type_family"), c.instance("family", kindBasis, typeIndex),
            lit("vcpu"), c.instance("vcpu", kindBasis, typeIndex),
            lit("memory"), c.instance("memory", kindBasis, typeIndex))).otherwise(none),
        when(basis.equalTo(EC2), map(lit("operating_system"), os, lit("tenancy"), lit("Shared"))).otherwise(none),
        when(kindBasis.equalTo(RDS), map(lit("database_engine"), engine)).otherwise(none),
        c.profileAttributes("map", profile));
    Column productStatic = map_concat(
        map(lit("servicecode"), productCode, lit("product_family"), c.profile("product_family", profile),
            lit("location"), location, lit("location_type"), lit("AWS Region"), lit("usagetype"), usageType,
            lit("operation"), operation, lit("sku"), sku),
        when(sized, map(lit("instance_type"), typeName,
            lit("instance_family"), c.instance("family_label", kindBasis, typeIndex))).otherwise(none),
        when(c.profile("transfer", profile), map(lit("from_location"), location)).otherwise(none),
        c.profileAttributes("static", profile));

    Column onDemandCost = round(amount.multiply(onDemand), 10);
    Column unblended = when(negation, negate(onDemandCost)).otherwise(round(amount.multiply(rate), 10));
    Column recurringRate = c.reservation("recurring", reservation);
    Column amortizedRate = c.reservation("amortized", reservation);
    Column recurring = round(amount.multiply(recurringRate), 10);
    Column amortized = round(amount.multiply(amortizedRate), 10);
    Column effective = round(recurring.plus(amortized), 10);
    Column discount = when(productCode.equalTo("AWSLambda"), c.savingsPlan("lambda_discount", savingsPlan))
        .otherwise(c.savingsPlan("compute_discount", savingsPlan));
    Column planRate = round(onDemand.multiply(lit(1.0).minus(discount)), 8);
    Column normalization = when(sized, c.instance("normalization_factor", kindBasis, typeIndex));
    Column workload = ResourceIds.workload(h, g);

    Map<String, Column> v = new HashMap<>();
    v.put("row_id", col("row_id"));
    v.put("account_index", col("account_index"));
    v.put("reservation_index", when(discounted, reservation));
    v.put("savings_plan_index", when(covered.or(negation), savingsPlan));
    v.put("fee_step", when(covered, RowAllocation.quotient(col("interval").multiply(calendar.intervalHours()),
        plan.rows().feeStepHours())));
    v.put("line_item_line_item_type", type);
    v.put("line_item_usage_start_date", calendar.stepStart(col("interval"), calendar.intervalHours()));
    v.put("line_item_usage_end_date", calendar.stepEnd(col("interval"), calendar.intervalHours()));
    v.put("identity_time_interval", calendar.stepText(col("interval"), calendar.intervalHours()));
    v.put("line_item_product_code", productCode);
    v.put("line_item_usage_type", usageType);
    v.put("line_item_operation", operation);
    v.put("line_item_availability_zone", zone);
    v.put("line_item_resource_id", ResourceIds.of(h, c.profile("resource_style", profile), g, regionCode, accountId,
        workload, plan.spec().tenantId().replace('_', '-')));
    v.put("line_item_usage_amount", amount);
    v.put("line_item_normalization_factor", normalization);
    v.put("line_item_normalized_usage_amount", when(sized, round(amount.multiply(normalization), 10)));
    v.put("line_item_unblended_rate", rate);
    v.put("line_item_unblended_cost", unblended);
    v.put("line_item_blended_rate", when(discounted, recurringRate.plus(amortizedRate)).otherwise(rate));
    v.put("line_item_blended_cost", when(discounted, effective).otherwise(unblended));
    v.put("line_item_line_item_description", description);
    v.put("product", product);
    v.put("product_static", productStatic);
    v.put("pricing_term", when(discounted, lit("Reserved")).when(spotLine.or(negation), lit(null))
        .otherwise(lit("OnDemand")));
    v.put("pricing_unit", c.profile("unit", profile));
    v.put("pricing_purchase_option", when(discounted, c.reservation("purchase_option", reservation)));
    v.put("pricing_lease_contract_length", when(discounted, c.reservation("lease", reservation)));
    v.put("pricing_offering_class", when(discounted, c.reservation("offering_class", reservation)));
    v.put("pricing_public_on_demand_rate", when(not(negation), onDemand));
    v.put("pricing_public_on_demand_cost", when(not(negation), onDemandCost));
    v.put("reservation_reservation_a_r_n", when(discounted, c.reservation("arn", reservation)));
    v.put("reservation_subscription_id", when(discounted, c.reservation("subscription_id", reservation)));
    v.put("reservation_recurring_fee_for_usage", when(discounted, recurring));
    v.put("reservation_amortized_upfront_cost_for_usage", when(discounted, amortized));
    v.put("reservation_effective_cost", when(discounted, effective));
    v.put("savings_plan_savings_plan_a_r_n", when(covered.or(negation), c.savingsPlan("arn", savingsPlan)));
    v.put("savings_plan_savings_plan_rate", when(covered, planRate));
    v.put("savings_plan_savings_plan_effective_cost", when(covered, round(amount.multiply(planRate), 10)));
    v.put("resource_tags", ResourceTags.forResource(plan, g, col("account_index"), workload));
    return v;
  }

  private static Column line(MonthCatalog c, String field) {
    return c.line(field, col("profile_index"), col("type_slot"), col("region_index"), col("variant"));
  }
}
