package org.curlake.jobs.generate;

/**
 * A Compute Savings Plan bought by the payer account: an hourly commitment, billed every usage
 * interval as SavingsPlanRecurringFee; covered EC2 and Lambda usage is billed at on-demand cost as
 * SavingsPlanCoveredUsage and cancelled by an equal SavingsPlanNegation.
 *
 * @param arn savings_plan_savings_plan_a_r_n
 * @param termYears 1 or 3
 * @param computeDiscount the plan's discount off on-demand EC2 rates
 * @param lambdaDiscount the plan's discount off on-demand Lambda rates
 * @param fallbackHourlyCommitment the commitment when no usage is covered in a month
 * @param startTime savings_plan_start_time
 * @param endTime savings_plan_end_time
 */
record SavingsPlan(String arn, int termYears, double computeDiscount, double lambdaDiscount,
    double fallbackHourlyCommitment, String startTime, String endTime) {
  static final String OFFERING_TYPE = "ComputeSavingsPlans";
  static final String PAYMENT_OPTION = "No Upfront";
  static final String PRODUCT_NAME = "Savings Plans for AWS Compute usage";

  SavingsPlan {
    if (termYears != 1 && termYears != 3) {
      throw new IllegalArgumentException("savings plan term must be 1 or 3 years, got " + termYears);
    }
    if (computeDiscount <= 0 || computeDiscount >= 1 || lambdaDiscount <= 0 || lambdaDiscount >= 1) {
      throw new IllegalArgumentException("savings plan discounts must be in (0, 1)");
    }
  }

  /** ComputeSP:1yrNoUpfront */
  String usageType() {
    return "ComputeSP:" + termYears + "yrNoUpfront";
  }

  String purchaseTerm() {
    return termYears + "yr";
  }

  /** 1 year No Upfront Compute Savings Plan */
  String description() {
    return termYears + " year No Upfront Compute Savings Plan";
  }
}
