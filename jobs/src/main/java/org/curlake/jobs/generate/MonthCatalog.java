package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.apache.spark.sql.Column;

/**
 * The catalogs of one month (resource kinds, usage profiles, regions, instance types, rates,
 * accounts, commitments) as Spark literal arrays, one array per field, looked up per row by index:
 * {@code element_at(<literal>, index + 1)} costs an array access, with no join and no driver-side
 * loop over rows. (One small literal per field keeps expressions small, unlike arrays of structs.)
 */
final class MonthCatalog {
  static final int FIXED = 0;
  static final int EC2 = 1;
  static final int RDS = 2;

  private final Map<String, Column> fields = new HashMap<>();
  private final List<String> attributeKeys;
  private final Map<String, String> productNames = new HashMap<>();

  MonthCatalog(YearMonth period, Organization org, Commitments commitments, List<String> codes) {
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
    texts("profile.usage_type", profiles, UsageProfile::usageType);
    ints("profile.basis", profiles, p -> basis(p.basis()));
    booleans("profile.prefixed_at_home", profiles, UsageProfile::prefixedAtHome);
    texts("profile.operation", profiles, UsageProfile::operation);
    texts("profile.unit", profiles, UsageProfile::unit);
    ints("profile.amount_model", profiles, p -> p.amount().ordinal());
    doubles("profile.low", profiles, UsageProfile::low);
    doubles("profile.high", profiles, UsageProfile::high);
    booleans("profile.zonal", profiles, UsageProfile::zonal);
    ints("profile.resource_style", profiles, p -> p.resource().ordinal());
    texts("profile.description", profiles, UsageProfile::description);
    doubles("profile.rate_scale", profiles, UsageProfile::rateScale);
    TreeSet<String> keys = new TreeSet<>();
    profiles.forEach(p -> keys.addAll(p.attributes().keySet()));
    attributeKeys = List.copyOf(keys);
    for (String key : attributeKeys) {
      texts("profile.attribute." + key, profiles, p -> p.attributes().get(key));
    }
    List<Double> profileRates = new ArrayList<>();
    for (UsageProfile p : profiles) {
      for (AwsRegion r : AwsRegion.ALL) {
        profileRates.add(p.basis() == UsageProfile.RateBasis.FIXED ? p.rate(r) : 0.0);
      }
    }
    doubles("profile.rate", profileRates, d -> d);
    profiles.forEach(p -> productNames.putIfAbsent(p.productCode(), p.productName()));

    instanceTypes("ec2", InstanceType.EC2);
    instanceTypes("rds", InstanceType.RDS);

    List<AwsRegion> regions = AwsRegion.ALL;
    texts("region.code", regions, AwsRegion::code);
    texts("region.prefix", regions, AwsRegion::usageTypePrefix);
    texts("region.location", regions, AwsRegion::location);
    texts("region.zones", regions, AwsRegion::zoneLetters);
    List<Integer> regionDraws = new ArrayList<>();
    for (int r = 0; r < regions.size(); r++) {
      for (int i = 0; i < regions.get(r).weight(); i++) {
        regionDraws.add(r);
      }
    }
    ints("region.for_draw", regionDraws, i -> i);

    texts("account.id", org.accountIds(), s -> s);
    texts("account.name", org.accountNames(), s -> s);
    texts("account.business_unit", org.businessUnits(), s -> s);

    List<Reservation> reservations = commitments.reservations();
    if (reservations.isEmpty()) {
      reservations = List.of(new Reservation(false, 0, 0, 0, "No Upfront", 1, "standard", "", "", "", "", 1, 1, 0, ""));
    }
    booleans("reservation.database", reservations, Reservation::database);
    ints("reservation.instance_type", reservations, Reservation::instanceTypeIndex);
    ints("reservation.region", reservations, Reservation::regionIndex);
    ints("reservation.owner", reservations, Reservation::ownerAccountIndex);
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

  /** A field of a catalog entry: {@code get("profile.unit", index)}. */
  Column get(String field, Column zeroBasedIndex) {
    Column array = fields.get(field);
    if (array == null) {
      throw new IllegalArgumentException("no catalog field " + field);
    }
    return element_at(array, zeroBasedIndex.plus(1));
  }

  Column kind(String field, Column index) {
    return get("kind." + field, index);
  }

  Column profile(String field, Column index) {
    return get("profile." + field, index);
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

  /** A field of the EC2 type or RDS class of an instance-priced resource (null otherwise). */
  Column instance(String field, Column basis, Column typeIndex) {
    return when(basis.equalTo(EC2), get("ec2." + field, typeIndex))
        .when(basis.equalTo(RDS), get("rds." + field, typeIndex));
  }

  Column instance(String field, boolean database, Column typeIndex) {
    return get((database ? "rds." : "ec2.") + field, typeIndex);
  }

  /** The on-demand rate of an EC2 type (variant 1 = Windows) or RDS class (variant 1 = PostgreSQL). */
  Column instanceRate(boolean database, Column typeIndex, Column regionIndex, Column variant) {
    Column index = typeIndex.multiply(AwsRegion.ALL.size()).plus(regionIndex).multiply(2).plus(variant);
    return get((database ? "rds" : "ec2") + ".rate", index);
  }

  Column profileRate(Column profileIndex, Column regionIndex) {
    return get("profile.rate", profileIndex.multiply(AwsRegion.ALL.size()).plus(regionIndex));
  }

  /** The keys of the static product attributes of usage profiles, sorted. */
  List<String> attributeKeys() {
    return attributeKeys;
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

  private void instanceTypes(String table, List<InstanceType> types) {
    texts(table + ".name", types, InstanceType::name);
    texts(table + ".family", types, InstanceType::family);
    texts(table + ".family_label", types, InstanceType::familyLabel);
    texts(table + ".vcpu", types, t -> String.valueOf(t.vcpu()));
    texts(table + ".memory", types, InstanceType::memory);
    doubles(table + ".normalization_factor", types, InstanceType::normalizationFactor);
    List<Double> rates = new ArrayList<>();
    for (InstanceType t : types) {
      for (AwsRegion r : AwsRegion.ALL) {
        rates.add(t.rate(r, false));
        rates.add(t.rate(r, true));
      }
    }
    doubles(table + ".rate", rates, d -> d);
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

  private <T> void booleans(String name, List<T> items, java.util.function.Predicate<T> f) {
    boolean[] values = new boolean[items.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = f.test(items.get(i));
    }
    fields.put(name, lit(values));
  }
}
