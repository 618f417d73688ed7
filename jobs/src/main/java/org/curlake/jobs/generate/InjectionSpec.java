package org.curlake.jobs.generate;

import java.util.List;

/**
 * What the evaluation injects into a synthetic tenant on top of its {@link GeneratorSpec}: a demand
 * shape (monthly growth and a weekend dip of every usage line), cost events on services, and
 * resources in a known idle or healthy state. The injection is the ground truth the evaluation
 * scores the analytics against. {@link #NONE} leaves the generator's output unchanged.
 *
 * @param monthlyGrowth usage grows by this fraction a month, compounded daily (0 for none)
 * @param weekendFactor usage on Saturdays and Sundays is multiplied by it (1 for none)
 */
public record InjectionSpec(double monthlyGrowth, double weekendFactor, List<CostEvent> events,
    List<InjectedResource> resources) {
  public static final InjectionSpec NONE = new InjectionSpec(0, 1, List.of(), List.of());

  public InjectionSpec {
    if (monthlyGrowth < -0.5 || monthlyGrowth > 1) {
      throw new IllegalArgumentException("monthly growth must be between -0.5 and 1, got " + monthlyGrowth);
    }
    if (weekendFactor <= 0 || weekendFactor > 2) {
      throw new IllegalArgumentException("weekend factor must be in (0, 2], got " + weekendFactor);
    }
    events = List.copyOf(events);
    resources = List.copyOf(resources);
  }

  public boolean isNone() {
    return monthlyGrowth == 0 && weekendFactor == 1 && events.isEmpty() && resources.isEmpty();
  }
}
