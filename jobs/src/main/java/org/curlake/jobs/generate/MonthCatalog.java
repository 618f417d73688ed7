package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.when;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.apache.spark.sql.Column;

/**
 * The catalogs of one month (resource kinds, usage profiles, regions, instance types, accounts,
 * commitments, and a table of every usage line's usage type, rate, SKU and description) as Spark
 * literal arrays, one array per field, looked up per row by index: {@code get(<literal>, index)}
 * costs an array access, with no join and no driver-side loop over rows. Text that only
 * depends on the catalog is built here once, not per row.
 */
final class MonthCatalog {
  static final int FIXED = 0;
  static final int EC2 = 1;
  static final int RDS = 2;
  /** Instance type slots per usage line (the larger of the EC2 and RDS catalogs). */
  static final int TYPE_SLOTS = Math.max(InstanceType.EC2.size(), InstanceType.RDS.size());

  private final Map<String, Column> fields = new HashMap<>();
  private final Map<String, String> productNames = new HashMap<>();

  MonthCatalog(YearMonth period, Organization org, Commitments commitments, List<String> codes, SeedHash hash) {
    List<ResourceKind> kinds = List.of(ResourceKind.values());
    ints("kind.primary", kinds, k -> k.primaryIndex(period));
    ints("kind.secondary", kinds, k -> k.secondaryIndex(period));
    ints("kind.basis", kinds, k -> basis(k.primary(period).basis()));
    booleans("kind.plan_eligible", kinds, ResourceKind::savingsPlanEligible);
    booleans("kind.spot_eligible", kinds, ResourceKind::spotEligible);
    List<Integer> kindDraws = new ArrayList<>();
    kinds.forEach(k -> {
      for (int i = 0; i < k.weight(); i++) {
        kindDraws.add(k.ordinal());
      }
    });
    ints("kind.for_draw", kindDraws, i -> i);

    List<UsageProfile> profiles = UsageProfile.ALL;
    texts("profile.product_code", profiles, UsageProfile::productCode);
    texts("profile.product_name", profiles, UsageProfile::productName);
    texts("profile.product_family", profiles, UsageProfile::productFamily);
    ints("profile.basis", profiles, p -> basis(p.basis()));
    texts("profile.operation", profiles, UsageProfile::operation);
    texts("profile.unit", profiles, UsageProfile::unit);
    ints("profile.amount_model", profiles, p -> p.amount().ordinal());
    doubles("profile.low", profiles, UsageProfile::low);
    doubles("profile.high", profiles, UsageProfile::high);
    booleans("profile.zonal", profiles, UsageProfile::zonal);
    booleans("profile.transfer", profiles, p -> p.attributes().containsKey("transfer_type"));
    ints("profile.resource_style", profiles, p -> p.resource().ordinal());
    attributes("profile.map", profiles, false);
    attributes("profile.static", profiles, true);
    profiles.forEach(p -> productNames.putIfAbsent(p.productCode(), p.productName()));
    lines(profiles);

    instanceTypes("ec2", InstanceType.EC2);
    instanceTypes("rds", InstanceType.RDS);

    List<AwsRegion> regions = AwsRegion.ALL;
    texts("region.code", regions, AwsRegion::code);
    texts("region.location", regions, AwsRegion::location);
    texts("region.zones", regions, AwsRegion::zoneLetters);
    List<Integer> regionDraws = new ArrayList<>();
    for (int r = 0; r < regions.size(); r++) {
      for (int i = 0; i < regions.get(r).weight(); i++) {
        regionDraws.add(r);
      }
    }
    ints("region.for_draw", regionDraws, i -> i);

    List<Integer> accounts = new ArrayList<>();
    for (int i = 0; i < org.size(); i++) {
      accounts.add(i);
    }
    texts("account.id", accounts, org.accountIds()::get);
    texts("account.name", accounts, org.accountNames()::get);
    texts("account.business_unit", accounts, org.businessUnits()::get);
    texts("account.creator", accounts, i -> (hash.fraction("creator-kind", i) < 0.7 ? "AssumedRole:AROA" : "IAMUser:AIDA")
        + hash.base32(17, "creator-id", i));

    List<Reservation> reservations = commitments.reservations();
    if (reservations.isEmpty()) {
      reservations = List.of(new Reservation(false, 0, 0, 0, "No Upfront", 1, "standard", "", "", "", "", 1, 1, 0, ""));
    }
    booleans("reservation.database", reservations, Reservation::database);
    ints("reservation.instance_type", reservations, Reservation::instanceTypeIndex);
    ints("reservation.region", reservations, Reservation::regionIndex);
    ints("reservation.owner", reservations, Reservation::ownerAccountIndex);
    texts("reservation.usage_type", reservations, r -> (r.region().code().equals(AwsRegion.HOME) ? ""
        : r.region().usageTypePrefix() + "-") + "HeavyUsage:" + r.instanceType().name());
    texts("reservation.type_name", reservations, r -> r.instanceType().name());
    texts("reservation.purchase_option", reservations, Reservation::purchaseOption);
    texts("reservation.lease", reservations, Reservation::leaseContractLength);
    texts("reservation.offering_class", reservations, Reservation::offeringClass);
    texts("reservation.arn", reservations, Reservation::arn);
    texts("reservation.subscription_id", reservations, Reservation::subscriptionId);
    texts("reservation.start_time", reservations, Reservation::startTime);
    texts("reservation.end_time", reservations, Reservation::endTime);
    doubles("reservation.recurring", reservations, Reservation::recurringHourlyFee);
    doubles("reservation.amortized", reservations, Reservation::amortizedHourlyUpfront);
    doubles("reservation.normalization_factor", reservations, r -> r.instanceType().normalizationFactor());
    doubles("reservation.upfront_per_reservation", reservations, Reservation::upfrontPerReservation);
    texts("reservation.sku", reservations, Reservation::sku);

    List<SavingsPlan> plans = commitments.savingsPlans();
    if (plans.isEmpty()) {
      plans = List.of(new SavingsPlan("", 1, 0.5, 0.5, 1, "", ""));
    }
    texts("plan.arn", plans, SavingsPlan::arn);
    texts("plan.usage_type", plans, SavingsPlan::usageType);
    texts("plan.term", plans, SavingsPlan::purchaseTerm);
    texts("plan.description", plans, SavingsPlan::description);
    doubles("plan.compute_discount", plans, SavingsPlan::computeDiscount);
    doubles("plan.lambda_discount", plans, SavingsPlan::lambdaDiscount);
    doubles("plan.fallback_commitment", plans, SavingsPlan::fallbackHourlyCommitment);
    texts("plan.start_time", plans, SavingsPlan::startTime);
    texts("plan.end_time", plans, SavingsPlan::endTime);

    texts("product.code", codes, s -> s);
    texts("product.name", codes, this::productName);
  }

  /**
   * A field of a catalog entry: {@code get("profile.unit", index)}. Null for an index out of range:
   * the optimizer may evaluate a lookup on rows a filter or join would have discarded.
   */
  Column get(String field, Column zeroBasedIndex) {
    Column array = fields.get(field);
    if (array == null) {
      throw new IllegalArgumentException("no catalog field " + field);
    }
    // functions.get (not element_at): zero-based and null, never an error, out of range.
    return org.apache.spark.sql.functions.get(array, zeroBasedIndex.cast("int"));
  }

  Column kind(String field, Column index) {
    return get("kind." + field, index);
  }

  Column profile(String field, Column index) {
    return get("profile." + field, index);
  }

  /** A profile's static product attributes as a map: {@code part} "map" (CUR 2.0 map) or "static" (columns). */
  Column profileAttributes(String part, Column index) {
    return map_from_arrays(get("profile." + part + ".keys", index), get("profile." + part + ".values", index));
  }

  Column region(String field, Column index) {
    return get("region." + field, index);
  }

  Column reservation(String field, Column index) {
    return get("reservation." + field, index);
  }

  Column savingsPlan(String field, Column index) {
    return get("plan." + field, index);
  }

  /**
   * A field of a usage line: usage_type, spot_usage_type, rate (on demand), sku, description.
   *
   * @param typeSlot the instance type index, 0 for fixed-rate profiles
   * @param variant 1 for Windows (EC2) or PostgreSQL (RDS)
   */
  Column line(String field, Column profile, Column typeSlot, Column region, Column variant) {
    Column index = profile.multiply(TYPE_SLOTS).plus(typeSlot).multiply(AwsRegion.ALL.size()).plus(region)
        .multiply(2).plus(variant);
    return get("line." + field, index);
  }

  /** A field of the EC2 type or RDS class of an instance-priced resource (null otherwise). */
  Column instance(String field, Column basis, Column typeIndex) {
    return when(basis.equalTo(EC2), get("ec2." + field, typeIndex))
        .when(basis.equalTo(RDS), get("rds." + field, typeIndex));
  }

  int kindDraws() {
    return ResourceKind.totalWeight();
  }

  int regionDraws() {
    return AwsRegion.totalWeight();
  }

  String productName(String productCode) {
    return productNames.getOrDefault(productCode, productCode);
  }

  /** Every (profile, type slot, region, variant): usage types, on-demand rate, SKU and description. */
  private void lines(List<UsageProfile> profiles) {
    SeedHash global = new SeedHash(0);
    List<String[]> rows = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (int p = 0; p < profiles.size(); p++) {
      UsageProfile profile = profiles.get(p);
      List<InstanceType> types = switch (profile.basis()) {
        case EC2_INSTANCE -> InstanceType.EC2;
        case RDS_INSTANCE -> InstanceType.RDS;
        case FIXED -> List.of();
      };
      for (int t = 0; t < TYPE_SLOTS; t++) {
        String type = t < types.size() ? types.get(t).name() : null;
        for (int r = 0; r < AwsRegion.ALL.size(); r++) {
          AwsRegion region = AwsRegion.ALL.get(r);
          for (int v = 0; v < 2; v++) {
            double rate = profile.basis() == UsageProfile.RateBasis.FIXED ? profile.rate(region)
                : t < types.size() ? types.get(t).rate(region, v == 1) : 0.0;
            rates.add(rate);
            rows.add(new String[] {profile.usageType(region, type, false), profile.usageType(region, type, true),
                global.base32(16, "sku", p, t, r, v), profile.description(region, type, rate, v == 1)});
          }
        }
      }
    }
    texts("line.usage_type", rows, row -> row[0]);
    texts("line.spot_usage_type", rows, row -> row[1]);
    texts("line.sku", rows, row -> row[2]);
    texts("line.description", rows, row -> row[3]);
    doubles("line.rate", rates, d -> d);
  }

  private void attributes(String name, List<UsageProfile> profiles, boolean columns) {
    String[][] keys = new String[profiles.size()][];
    String[][] values = new String[profiles.size()][];
    for (int p = 0; p < profiles.size(); p++) {
      List<String> k = new ArrayList<>();
      List<String> v = new ArrayList<>();
      new TreeMap<>(profiles.get(p).attributes()).forEach((key, value) -> {
        if (LineItemSchema.PRODUCT_COLUMN_KEYS.contains(key) == columns) {
          k.add(key);
          v.add(value);
        }
      });
      keys[p] = k.toArray(String[]::new);
      values[p] = v.toArray(String[]::new);
    }
    fields.put(name + ".keys", lit(keys));
    fields.put(name + ".values", lit(values));
  }

  private void instanceTypes(String table, List<InstanceType> types) {
    texts(table + ".name", types, InstanceType::name);
    texts(table + ".family", types, InstanceType::family);
    texts(table + ".family_label", types, InstanceType::familyLabel);
    texts(table + ".vcpu", types, t -> String.valueOf(t.vcpu()));
    texts(table + ".memory", types, InstanceType::memory);
    doubles(table + ".normalization_factor", types, InstanceType::normalizationFactor);
  }

  private static int basis(UsageProfile.RateBasis basis) {
    return switch (basis) {
      case FIXED -> FIXED;
      case EC2_INSTANCE -> EC2;
      case RDS_INSTANCE -> RDS;
    };
  }

  private <T> void texts(String name, List<T> items, Function<T, String> f) {
    fields.put(name, lit(items.stream().map(f).toArray(String[]::new)));
  }

  private <T> void ints(String name, List<T> items, ToIntFunction<T> f) {
    fields.put(name, lit(items.stream().mapToInt(f).toArray()));
  }

  private <T> void doubles(String name, List<T> items, ToDoubleFunction<T> f) {
    fields.put(name, lit(items.stream().mapToDouble(f).toArray()));
  }

  private <T> void booleans(String name, List<T> items, Predicate<T> f) {
    boolean[] values = new boolean[items.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = f.test(items.get(i));
    }
    fields.put(name, lit(values));
  }
}
