package org.curlake.jobs.generate;

import java.util.List;

/**
 * An AWS region as the CUR shows it.
 *
 * @param code the region code (product_region / product_region_code)
 * @param usageTypePrefix the prefix AWS puts before usage types billed in the region (us-east-1 mostly
 *     has none; Ireland is {@code EU})
 * @param location product_location
 * @param zoneLetters the availability zone suffixes used
 * @param priceFactor price relative to us-east-1
 * @param weight share of resources placed here, out of 100
 */
record AwsRegion(String code, String usageTypePrefix, String location, String zoneLetters, double priceFactor,
    int weight) {
  static final String HOME = "us-east-1";

  static final List<AwsRegion> ALL = List.of(
      new AwsRegion("us-east-1", "USE1", "US East (N. Virginia)", "abcdef", 1.00, 40),
      new AwsRegion("us-west-2", "USW2", "US West (Oregon)", "abcd", 1.00, 18),
      new AwsRegion("eu-west-1", "EU", "EU (Ireland)", "abc", 1.10, 16),
      new AwsRegion("eu-central-1", "EUC1", "EU (Frankfurt)", "abc", 1.16, 10),
      new AwsRegion("ap-southeast-2", "APS2", "Asia Pacific (Sydney)", "abc", 1.25, 10),
      new AwsRegion("ap-northeast-1", "APN1", "Asia Pacific (Tokyo)", "acd", 1.28, 6));

  AwsRegion {
    if (weight < 0 || priceFactor <= 0 || zoneLetters.isEmpty()) {
      throw new IllegalArgumentException("invalid region " + code);
    }
  }

  static int totalWeight() {
    return ALL.stream().mapToInt(AwsRegion::weight).sum();
  }
}
