package org.curlake.jobs.evaluate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.curlake.config.SourceFormat;
import org.curlake.jobs.generate.CostEvent;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;
import org.curlake.jobs.generate.InjectedResource;
import org.curlake.jobs.generate.InjectionSpec;

/**
 * The synthetic tenants of an evaluation, all derived from one seed: tenant {@code eval_<k>}
 * alternates legacy CUR and CUR 2.0, daily grain, 3% monthly growth and a weekend dip. Every third
 * tenant is healthy (no cost events); the others get one spike, level shift, new service and
 * drift, each on its own service, starting on a random day of the evaluated periods (all but the
 * first, which is history) with its window inside them. Every tenant gets one idle and one healthy
 * resource of each injected kind.
 */
public record EvaluationPlan(long seed, int months, int tenants, long rowsPerMonth, YearMonth firstPeriod) {
  /** Services large enough for a change to cost more than the detector's minimum impact. */
  static final List<String> CHANGED_SERVICES = List.of("AmazonEC2", "AmazonRDS", "AmazonS3", "AmazonDynamoDB");
  /** Services billed on demand only (no reservation or Savings Plan lines), so they can be absent. */
  static final List<String> NEW_SERVICES = List.of("AmazonS3", "AmazonDynamoDB");

  public EvaluationPlan {
    if (months < 2 || months > 24) {
      throw new IllegalArgumentException("--months must be between 2 and 24 (the first month is history), got " + months);
    }
    if (tenants < 1 || tenants > 20) {
      throw new IllegalArgumentException("--tenants must be between 1 and 20, got " + tenants);
    }
  }

  /** One synthetic tenant: what to generate and what to inject. */
  public record TenantCase(GeneratorSpec spec, InjectionSpec injection) {
    public String tenantId() {
      return spec.tenantId();
    }
  }

  public List<TenantCase> cases() {
    List<TenantCase> cases = new ArrayList<>();
    for (int k = 0; k < tenants; k++) {
      String id = "eval_" + k;
      GeneratorSpec spec = new GeneratorSpec(id, k % 2 == 0 ? SourceFormat.LEGACY_CUR : SourceFormat.CUR2, seed + k,
          firstPeriod, months, rowsPerMonth, 3, Grain.DAILY);
      Random random = new Random(seed * 31 + k);
      List<CostEvent> events = k % 3 == 2 ? List.of() : events(random);
      cases.add(new TenantCase(spec, new InjectionSpec(0.03, 0.8, events, resources(id))));
    }
    return List.copyOf(cases);
  }

  /** The periods the analytics are evaluated on: all but the first. */
  public List<YearMonth> evaluatedPeriods() {
    List<YearMonth> periods = new ArrayList<>();
    for (int i = 1; i < months; i++) {
      periods.add(firstPeriod.plusMonths(i));
    }
    return periods;
  }

  private List<CostEvent> events(Random random) {
    List<String> services = new ArrayList<>(CHANGED_SERVICES);
    String newService = NEW_SERVICES.get(random.nextInt(NEW_SERVICES.size()));
    services.remove(newService);
    java.util.Collections.shuffle(services, random);
    LocalDate first = firstPeriod.plusMonths(1).atDay(1);
    LocalDate last = firstPeriod.plusMonths(months - 1L).atEndOfMonth();
    List<CostEvent> events = new ArrayList<>();
    int spikeDays = 1 + random.nextInt(2);
    events.add(new CostEvent(CostEvent.Kind.SPIKE, services.get(0), start(random, first, last, spikeDays), spikeDays,
        2.5 + random.nextDouble()));
    events.add(new CostEvent(CostEvent.Kind.LEVEL_SHIFT, services.get(1),
        start(random, first, last, CostEvent.SETTLING_DAYS), 1, 1.8 + 0.5 * random.nextDouble()));
    events.add(new CostEvent(CostEvent.Kind.NEW_SERVICE, newService, start(random, first, last, CostEvent.SETTLING_DAYS),
        1, 2));
    events.add(new CostEvent(CostEvent.Kind.DRIFT, services.get(2), start(random, first, last, 10 + CostEvent.DRIFT_GRACE_DAYS),
        10, 2.5 + random.nextDouble()));
    return events;
  }

  /** A start day whose window of {@code windowDays} ends by {@code last}, at least 3 days into the evaluated range. */
  private static LocalDate start(Random random, LocalDate first, LocalDate last, int windowDays) {
    long span = last.toEpochDay() - first.toEpochDay() - 3 - windowDays + 1;
    return first.plusDays(3 + (span <= 0 ? 0 : random.nextLong(span + 1)));
  }

  private static List<InjectedResource> resources(String tenant) {
    String t = tenant.replace('_', '-');
    List<InjectedResource> resources = new ArrayList<>();
    for (InjectedResource.Kind kind : InjectedResource.Kind.values()) {
      String n = String.format(java.util.Locale.ROOT, "%02d", kind.ordinal());
      String id = switch (kind) {
        case IDLE_ELASTIC_IP, ATTACHED_ELASTIC_IP -> "eipalloc-0eval" + t + n;
        case IDLE_NAT_GATEWAY, BUSY_NAT_GATEWAY -> "nat-0eval" + t + n;
        case IDLE_LOAD_BALANCER, BUSY_LOAD_BALANCER -> "app/eval-" + t + "-alb/" + n;
        case UNATTACHED_VOLUME, ATTACHED_VOLUME -> "vol-0eval" + t + n;
        case OLD_SNAPSHOT, RECENT_SNAPSHOT -> "snap-0eval" + t + n;
        case UNUSED_RESERVATION, FULLY_USED_RESERVATION ->
            "arn:aws:ec2:us-east-1:000000000000:reserved-instances/eval-" + t + "-" + n;
        case UNDERUSED_SAVINGS_PLAN, FULLY_USED_SAVINGS_PLAN ->
            "arn:aws:savingsplans::000000000000:savingsplan/eval-" + t + "-" + n;
      };
      resources.add(new InjectedResource(kind, id));
    }
    return List.copyOf(resources);
  }
}
