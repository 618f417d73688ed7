package org.curlake.jobs.generate;

import java.util.List;

/**
 * An EC2 instance type or an RDS instance class, with its us-east-1 on-demand prices.
 *
 * @param name m5.large, db.m5.large
 * @param family m5 (product_instance_type_family)
 * @param familyLabel General purpose (product_instance_family)
 * @param vcpu product_vcpu
 * @param memory product_memory
 * @param normalizationFactor the RI size-flexibility factor (line_item_normalization_factor)
 * @param baseRate hourly on-demand price of the base variant: Linux for EC2, MySQL for RDS
 * @param variantRate hourly on-demand price of the other variant: Windows for EC2, PostgreSQL for RDS
 */
record InstanceType(String name, String family, String familyLabel, int vcpu, String memory,
    double normalizationFactor, double baseRate, double variantRate) {
  static final List<InstanceType> EC2 = List.of(
      new InstanceType("t3.micro", "t3", "General purpose", 2, "1 GiB", 0.5, 0.0104, 0.0196),
      new InstanceType("t3.large", "t3", "General purpose", 2, "8 GiB", 4, 0.0832, 0.1108),
      new InstanceType("m5.large", "m5", "General purpose", 2, "8 GiB", 4, 0.096, 0.188),
      new InstanceType("m5.xlarge", "m5", "General purpose", 4, "16 GiB", 8, 0.192, 0.376),
      new InstanceType("m5.2xlarge", "m5", "General purpose", 8, "32 GiB", 16, 0.384, 0.752),
      new InstanceType("m6i.large", "m6i", "General purpose", 2, "8 GiB", 4, 0.096, 0.188),
      new InstanceType("c5.large", "c5", "Compute optimized", 2, "4 GiB", 4, 0.085, 0.177),
      new InstanceType("c5.2xlarge", "c5", "Compute optimized", 8, "16 GiB", 16, 0.34, 0.708),
      new InstanceType("r5.large", "r5", "Memory optimized", 2, "16 GiB", 4, 0.126, 0.218),
      new InstanceType("m7i.xlarge", "m7i", "General purpose", 4, "16 GiB", 8, 0.2016, 0.3856));

  static final List<InstanceType> RDS = List.of(
      new InstanceType("db.t3.medium", "db.t3", "General purpose", 2, "4 GiB", 2, 0.068, 0.072),
      new InstanceType("db.m5.large", "db.m5", "General purpose", 2, "8 GiB", 4, 0.171, 0.178),
      new InstanceType("db.m5.xlarge", "db.m5", "General purpose", 4, "16 GiB", 8, 0.342, 0.356),
      new InstanceType("db.r5.large", "db.r5", "Memory optimized", 2, "16 GiB", 4, 0.24, 0.25));

  InstanceType {
    if (baseRate <= 0 || variantRate <= 0 || normalizationFactor <= 0) {
      throw new IllegalArgumentException("invalid instance type " + name);
    }
  }

  /** The regional on-demand rate, rounded to the 4 decimals AWS publishes. */
  double rate(AwsRegion region, boolean variant) {
    return roundRate((variant ? variantRate : baseRate) * region.priceFactor());
  }

  static double roundRate(double rate) {
    return Math.round(rate * 10_000d) / 10_000d;
  }
}
