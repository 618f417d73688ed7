package org.curlake.jobs.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.curlake.jobs.generate.InjectedResource;

/**
 * Recall and false positives of the idle-resource rules against injected resources, matched by
 * tenant and resource id. An injected idle resource is found when fct_idle_resources has a finding
 * of its expected rule for it. A false positive is a finding on an injected healthy resource, or a
 * finding of another rule on an injected idle one. Findings on resources the injection did not add
 * (the generator's own, whose state is not known) are counted apart as background.
 */
public record IdleScore(int idleInjected, int idleFound, int healthyInjected, int falsePositives, int background) {

  /** A resource injected into a tenant. */
  public record Injected(String tenantId, InjectedResource resource) {}

  /** A row of fct_idle_resources. */
  public record Finding(String tenantId, String ruleId, String resourceId) {}

  public static IdleScore score(List<Injected> truth, List<Finding> findings) {
    int idle = 0;
    int found = 0;
    int healthy = 0;
    for (Injected injected : truth) {
      if (injected.resource().kind().idle()) {
        idle++;
        if (findings.stream().anyMatch(f -> about(f, injected)
            && f.ruleId().equals(injected.resource().kind().expectedRule()))) {
          found++;
        }
      } else {
        healthy++;
      }
    }
    int falsePositives = 0;
    int background = 0;
    for (Finding finding : findings) {
      List<Injected> subject = truth.stream().filter(t -> about(finding, t)).toList();
      if (subject.isEmpty()) {
        background++;
      } else if (subject.stream().noneMatch(t -> finding.ruleId().equals(t.resource().kind().expectedRule()))) {
        falsePositives++;
      }
    }
    return new IdleScore(idle, found, healthy, falsePositives, background);
  }

  private static boolean about(Finding finding, Injected injected) {
    return finding.tenantId().equals(injected.tenantId())
        && Objects.equals(finding.resourceId(), injected.resource().resourceId());
  }

  public double recall() {
    return idleInjected == 0 ? 1.0 : idleFound / (double) idleInjected;
  }

  public String line() {
    return String.format(Locale.ROOT, "evaluate idle injected_idle=%d found=%d recall=%.3f injected_healthy=%d"
        + " false_positives=%d background_findings=%d", idleInjected, idleFound, recall(), healthyInjected,
        falsePositives, background);
  }
}
