package org.curlake.jobs.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A kind of resource and the two usage lines it bills every interval it runs (an instance bills
 * instance hours and data transfer; a bucket storage and requests). A resource covered by a Savings
 * Plan bills its primary line twice instead: as SavingsPlanCoveredUsage and SavingsPlanNegation.
 */
enum ResourceKind {
  EC2_INSTANCE(28, "ec2.box", "ec2.transfer", true, true, true),
  EBS_GP3_VOLUME(12, "ebs.gp3", "ebs.snapshot", false, false, false),
  EBS_GP2_VOLUME(4, "ebs.gp2", "ebs.snapshot", false, false, false),
  S3_BUCKET(10, "s3.storage", "s3.requests", false, false, false),
  RDS_INSTANCE(7, "rds.instance", "rds.storage", true, false, false),
  LAMBDA_FUNCTION(10, "lambda.compute", "lambda.requests", false, true, false),
  LOAD_BALANCER(7, "elb.hours", "elb.lcu", false, false, false),
  NAT_GATEWAY(5, "nat.hours", "nat.bytes", false, false, false),
  /** Elastic IPs; from February 2024 AWS bills every public IPv4 address under AmazonVPC. */
  PUBLIC_IP(5, "eip.idle", "eip.additional", false, false, false),
  DYNAMODB_TABLE(6, "dynamodb.storage", "dynamodb.writes", false, false, false),
  CLOUDWATCH(6, "cloudwatch.metrics", "cloudwatch.logs", false, false, false);

  static final YearMonth PUBLIC_IPV4_CHARGES_START = YearMonth.of(2024, 2);

  private final int weight;
  private final String primary;
  private final String secondary;
  private final boolean reservable;
  private final boolean savingsPlanEligible;
  private final boolean spotEligible;

  ResourceKind(int weight, String primary, String secondary, boolean reservable, boolean savingsPlanEligible,
      boolean spotEligible) {
    this.weight = weight;
    this.primary = primary;
    this.secondary = secondary;
    this.reservable = reservable;
    this.savingsPlanEligible = savingsPlanEligible;
    this.spotEligible = spotEligible;
  }

  int weight() {
    return weight;
  }

  boolean reservable() {
    return reservable;
  }

  boolean savingsPlanEligible() {
    return savingsPlanEligible;
  }

  boolean spotEligible() {
    return spotEligible;
  }

  UsageProfile primary(YearMonth period) {
    return UsageProfile.ALL.get(UsageProfile.indexOf(primaryKey(period)));
  }

  int primaryIndex(YearMonth period) {
    return UsageProfile.indexOf(primaryKey(period));
  }

  int secondaryIndex(YearMonth period) {
    boolean ipv4 = this == PUBLIC_IP && !period.isBefore(PUBLIC_IPV4_CHARGES_START);
    return UsageProfile.indexOf(ipv4 ? "ipv4.inuse" : secondary);
  }

  private String primaryKey(YearMonth period) {
    boolean ipv4 = this == PUBLIC_IP && !period.isBefore(PUBLIC_IPV4_CHARGES_START);
    return ipv4 ? "ipv4.idle" : primary;
  }

  /** The product codes billed in a period, sorted (one Tax line per account and product code). */
  static List<String> productCodes(YearMonth period) {
    List<String> codes = new ArrayList<>();
    for (ResourceKind kind : values()) {
      for (int index : new int[] {kind.primaryIndex(period), kind.secondaryIndex(period)}) {
        String code = UsageProfile.ALL.get(index).productCode();
        if (!codes.contains(code)) {
          codes.add(code);
        }
      }
    }
    codes.sort(String::compareTo);
    return List.copyOf(codes);
  }

  static int totalWeight() {
    int total = 0;
    for (ResourceKind kind : values()) {
      total += kind.weight;
    }
    return total;
  }
}
