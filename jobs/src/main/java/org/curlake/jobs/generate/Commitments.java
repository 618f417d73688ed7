package org.curlake.jobs.generate;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The organization's reservations (EC2 ones first, then RDS ones) and Savings Plans, derived from
 * the seed. They are the same every month; a month with too few rows uses only a prefix of each list.
 */
record Commitments(List<Reservation> computeReservations, List<Reservation> databaseReservations,
    List<SavingsPlan> savingsPlans) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'");
  private static final String[] PURCHASE_OPTIONS = {"Partial Upfront", "Partial Upfront", "No Upfront", "All Upfront"};

  Commitments {
    computeReservations = List.copyOf(computeReservations);
    databaseReservations = List.copyOf(databaseReservations);
    savingsPlans = List.copyOf(savingsPlans);
  }

  static Commitments of(GeneratorSpec spec, SeedHash hash, Organization org) {
    int compute = 2 + hash.pickIndex("compute-reservations", 3);
    int plans = 1 + hash.pickIndex("savings-plans", 2);
    List<Reservation> ec2 = new ArrayList<>();
    for (int i = 0; i < compute; i++) {
      ec2.add(reservation(spec, hash, org, false, i));
    }
    List<Reservation> rds = List.of(reservation(spec, hash, org, true, compute));
    List<SavingsPlan> sps = new ArrayList<>();
    for (int i = 0; i < plans; i++) {
      sps.add(savingsPlan(spec, hash, org, i));
    }
    return new Commitments(ec2, rds, sps);
  }

  /** The first {@code compute}, {@code database} and {@code plans} commitments. */
  Commitments limitTo(int compute, int database, int plans) {
    return new Commitments(computeReservations.subList(0, compute), databaseReservations.subList(0, database),
        savingsPlans.subList(0, plans));
  }

  /** EC2 reservations then RDS reservations: the index order of reservation_index. */
  List<Reservation> reservations() {
    List<Reservation> all = new ArrayList<>(computeReservations);
    all.addAll(databaseReservations);
    return List.copyOf(all);
  }

  private static Reservation reservation(GeneratorSpec spec, SeedHash hash, Organization org, boolean database,
      int i) {
    List<InstanceType> types = database ? InstanceType.RDS : InstanceType.EC2;
    int type = hash.pickIndex("reservation-type", types.size(), i);
    int region = weightedRegion(hash.pickIndex("reservation-region", AwsRegion.totalWeight(), i));
    int owner = hash.fraction("reservation-owner", i) < 0.6 ? 0 : hash.pickIndex("reservation-owner-id", org.size(), i);
    String option = PURCHASE_OPTIONS[hash.pickIndex("reservation-option", PURCHASE_OPTIONS.length, i)];
    int years = hash.fraction("reservation-term", i) < 0.7 ? 1 : 3;
    String offeringClass = database || hash.fraction("reservation-class", i) < 0.8 ? "standard" : "convertible";
    double onDemand = types.get(type).rate(AwsRegion.ALL.get(region), false);
    double termFactor = years == 3 ? 0.62 : 1.0;
    double recurringShare = switch (option) {
      case "No Upfront" -> 0.64;
      case "All Upfront" -> 0.0;
      default -> 0.30;
    };
    double upfrontShare = switch (option) {
      case "No Upfront" -> 0.0;
      case "All Upfront" -> 0.58;
      default -> 0.30;
    };
    double recurring = Math.round(onDemand * recurringShare * termFactor * 10_000d) / 10_000d;
    double amortized = Math.round(onDemand * upfrontShare * termFactor * 1e8) / 1e8;
    LocalDateTime start = spec.firstPeriod().atDay(1).atStartOfDay()
        .minusDays(20 + hash.pickIndex("reservation-start-day", 330, i))
        .plusSeconds(hash.pickIndex("reservation-start-second", 86_400, i));
    String ownerId = org.accountIds().get(owner);
    String regionCode = AwsRegion.ALL.get(region).code();
    String arn = database
        ? "arn:aws:rds:" + regionCode + ":" + ownerId + ":ri:ri-" + start.toLocalDate() + "-"
            + Long.toHexString(hash.mix("reservation-name", i) & 0xFFFFFFL)
        : "arn:aws:ec2:" + regionCode + ":" + ownerId + ":reserved-instances/" + uuid(hash, "reservation-uuid", i);
    String subscription = String.format(Locale.ROOT, "%010d", Math.floorMod(hash.mix("reservation-subscription", i), 10_000_000_000L));
    return new Reservation(database, type, region, owner, option, years, offeringClass, arn, subscription,
        start.format(TIME), start.plusYears(years).minusSeconds(1).format(TIME), onDemand, recurring, amortized,
        sku(hash, "reservation-sku", i));
  }

  private static SavingsPlan savingsPlan(GeneratorSpec spec, SeedHash hash, Organization org, int i) {
    int years = hash.fraction("savings-plan-term", i) < 0.75 ? 1 : 3;
    LocalDateTime start = spec.firstPeriod().atDay(1).atStartOfDay()
        .minusDays(10 + hash.pickIndex("savings-plan-start-day", 300, i))
        .plusSeconds(hash.pickIndex("savings-plan-start-second", 86_400, i));
    double fallback = 0.5 + hash.pickIndex("savings-plan-commitment", 50, i) / 10.0;
    return new SavingsPlan("arn:aws:savingsplans::" + org.payerId() + ":savingsplan/" + uuid(hash, "savings-plan-uuid", i),
        years, years == 1 ? 0.27 : 0.46, years == 1 ? 0.12 : 0.17, fallback, start.format(TIME),
        start.plusYears(years).minusSeconds(1).format(TIME));
  }

  static int weightedRegion(int draw) {
    int cumulative = 0;
    for (int r = 0; r < AwsRegion.ALL.size(); r++) {
      cumulative += AwsRegion.ALL.get(r).weight();
      if (draw < cumulative) {
        return r;
      }
    }
    throw new IllegalArgumentException("region draw " + draw + " out of range");
  }

  private static String uuid(SeedHash hash, String salt, int i) {
    long high = hash.mix(salt, i, 1);
    long low = hash.mix(salt, i, 2);
    return String.format(Locale.ROOT, "%08x-%04x-%04x-%04x-%012x", high >>> 32, (high >>> 16) & 0xFFFF, high & 0xFFFF,
        low >>> 48, low & 0xFFFFFFFFFFFFL);
  }

  private static String sku(SeedHash hash, String salt, int i) {
    return hash.base32(16, salt, i);
  }
}
