package org.curlake.jobs.generate;

/**
 * A reserved instance (EC2) or reserved DB instance (RDS) the organization bought. Usage it covers
 * is billed as DiscountedUsage with zero unblended cost; the reservation itself is billed once a
 * month as an RIFee line item.
 *
 * @param database RDS (true) or EC2 (false)
 * @param instanceTypeIndex index in {@link InstanceType#RDS} or {@link InstanceType#EC2}
 * @param regionIndex index in {@link AwsRegion#ALL}
 * @param ownerAccountIndex the account that bought it
 * @param purchaseOption All Upfront, Partial Upfront or No Upfront
 * @param termYears 1 or 3
 * @param offeringClass standard or convertible
 * @param arn reservation_reservation_a_r_n
 * @param subscriptionId reservation_subscription_id
 * @param startTime reservation_start_time, 2023-04-24T00:34:01.000Z
 * @param endTime reservation_end_time
 * @param onDemandRate the public on-demand rate of what it covers
 * @param recurringHourlyFee the hourly fee billed on RIFee whether used or not
 * @param amortizedHourlyUpfront the upfront payment spread over every hour of the term
 * @param sku product_sku of the RIFee line
 */
record Reservation(boolean database, int instanceTypeIndex, int regionIndex, int ownerAccountIndex,
    String purchaseOption, int termYears, String offeringClass, String arn, String subscriptionId, String startTime,
    String endTime, double onDemandRate, double recurringHourlyFee, double amortizedHourlyUpfront, String sku) {

  Reservation {
    if (termYears != 1 && termYears != 3) {
      throw new IllegalArgumentException("reservation term must be 1 or 3 years, got " + termYears);
    }
    if (recurringHourlyFee < 0 || amortizedHourlyUpfront < 0 || recurringHourlyFee + amortizedHourlyUpfront <= 0) {
      throw new IllegalArgumentException("reservation " + arn + " has no cost");
    }
  }

  InstanceType instanceType() {
    return (database ? InstanceType.RDS : InstanceType.EC2).get(instanceTypeIndex);
  }

  AwsRegion region() {
    return AwsRegion.ALL.get(regionIndex);
  }

  /** The upfront payment for one reservation (reservation_upfront_value per reservation). */
  double upfrontPerReservation() {
    return Math.round(amortizedHourlyUpfront * 8_760 * termYears * 100d) / 100d;
  }

  String leaseContractLength() {
    return termYears + "yr";
  }
}
