package org.curlake.jobs.generate;

/**
 * A resource added to a synthetic tenant with a known state: idle (one idle-resource rule must
 * flag it) or healthy (none may). Its line items are copies of a generated line item of the same
 * usage type (a template), with the id, amounts and costs below; it bills every day of every period
 * unless {@link Kind#RECENT_SNAPSHOT}, which appears on day 20 of the last period.
 *
 * @param kind what it is and whether it is idle
 * @param resourceId its line_item_resource_id (commitments: its ARN)
 */
public record InjectedResource(Kind kind, String resourceId) {
  /** Injected kinds: the rule that must flag the idle ones, null for the healthy ones. */
  public enum Kind {
    IDLE_ELASTIC_IP("eip_idle_address"),
    ATTACHED_ELASTIC_IP(null),
    IDLE_NAT_GATEWAY("nat_gateway_idle"),
    BUSY_NAT_GATEWAY(null),
    IDLE_LOAD_BALANCER("load_balancer_idle"),
    BUSY_LOAD_BALANCER(null),
    /** An EBS volume with no availability zone an instance of its account runs in. */
    UNATTACHED_VOLUME("ebs_volume_unattached"),
    /** An EBS volume in the account and AZ of an injected instance that runs every day. */
    ATTACHED_VOLUME(null),
    OLD_SNAPSHOT("ebs_snapshot_old"),
    RECENT_SNAPSHOT(null),
    /** A reservation whose whole fee is unused. */
    UNUSED_RESERVATION("ri_unused"),
    FULLY_USED_RESERVATION(null),
    /** A Savings Plan using a quarter of its commitment. */
    UNDERUSED_SAVINGS_PLAN("savings_plan_unused"),
    FULLY_USED_SAVINGS_PLAN(null);

    private final String expectedRule;

    Kind(String expectedRule) {
      this.expectedRule = expectedRule;
    }

    /** The rule_id of fct_idle_resources that must flag it; null when healthy. */
    public String expectedRule() {
      return expectedRule;
    }

    public boolean idle() {
      return expectedRule != null;
    }
  }

  public InjectedResource {
    if (kind == null || resourceId == null || resourceId.isBlank()) {
      throw new IllegalArgumentException("an injected resource needs a kind and an id");
    }
  }
}
