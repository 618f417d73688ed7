package org.curlake.jobs.generate;

import java.util.List;
import java.util.Map;

/**
 * One kind of usage line item, as AWS bills it: product, usage type, operation, unit and us-east-1
 * rate, how the usage amount behaves, and what the resource id looks like.
 *
 * @param key the profile's name in this catalog
 * @param productCode line_item_product_code (and product_servicecode)
 * @param productName product_product_name
 * @param productFamily product_product_family
 * @param usageType the usage type without region prefix; for instance-priced profiles the instance
 *     type is appended (BoxUsage: + m5.large)
 * @param basis where the rate comes from
 * @param prefixedAtHome whether AWS prefixes the usage type in us-east-1 too (USE1-DataProcessing-Bytes)
 * @param operation line_item_operation (instance profiles override it per OS or engine)
 * @param unit pricing_unit
 * @param rate us-east-1 price per unit for {@link RateBasis#FIXED} profiles
 * @param amount how the usage amount of one interval is drawn
 * @param low lower bound of the drawn size or hourly volume
 * @param high upper bound of the drawn size or hourly volume
 * @param zonal whether the line item carries an availability zone
 * @param resource the shape of line_item_resource_id
 * @param description line_item_line_item_description with {rate} {type} {os} {engine} {location}
 * @param rateScale the unit the description prices in (1000 for "per 1,000 requests")
 * @param attributes further product attributes
 */
record UsageProfile(String key, String productCode, String productName, String productFamily, String usageType,
    RateBasis basis, boolean prefixedAtHome, String operation, String unit, double rate, AmountModel amount,
    double low, double high, boolean zonal, ResourceStyle resource, String description, double rateScale,
    Map<String, String> attributes) {

  /** Where a profile's rate comes from. */
  enum RateBasis { FIXED, EC2_INSTANCE, RDS_INSTANCE }

  /** How the usage amount of one interval is drawn. */
  enum AmountModel {
    /** One unit per hour: instance hours, NAT gateway hours. */
    RUNNING_HOURS,
    /** A resource size in GB (or metrics) held for the interval: size x hours / hours in month. */
    STORAGE_MONTHS,
    /** A per-hour volume drawn between low and high for every interval: GB transferred, requests. */
    HOURLY_VOLUME
  }

  /** The shape of a resource id. */
  enum ResourceStyle {
    INSTANCE, VOLUME, SNAPSHOT, BUCKET, NAT_GATEWAY, ELASTIC_IP, DB_INSTANCE, FUNCTION, LOAD_BALANCER, TABLE,
    LOG_GROUP, NONE
  }

  private static final String EC2 = "AmazonEC2";
  private static final String EC2_NAME = "Amazon Elastic Compute Cloud";

  static final List<UsageProfile> ALL = List.of(
      instance("ec2.box", EC2, EC2_NAME, "Compute Instance", "BoxUsage:", RateBasis.EC2_INSTANCE, "RunInstances",
          ResourceStyle.INSTANCE, "${rate} per On Demand {os} {type} Instance Hour", Map.of()),
      fixed("ec2.transfer", EC2, EC2_NAME, "Data Transfer", "DataTransfer-Out-Bytes", "RunInstances", "GB", 0.09,
          AmountModel.HOURLY_VOLUME, 0, 3, ResourceStyle.INSTANCE,
          "${rate} per GB - first 10 TB / month data transfer out beyond the global free tier",
          Map.of("transfer_type", "AWS Outbound", "to_location", "External", "to_location_type", "Other")),
      fixed("ebs.gp3", EC2, EC2_NAME, "Storage", "EBS:VolumeUsage.gp3", "CreateVolume-Gp3", "GB-Mo", 0.08,
          AmountModel.STORAGE_MONTHS, 8, 1000, ResourceStyle.VOLUME,
          "${rate} per GB-month of General Purpose SSD (gp3) provisioned storage - {location}",
          Map.of("volume_api_name", "gp3", "volume_type", "General Purpose", "storage_media", "SSD-backed")),
      fixed("ebs.gp2", EC2, EC2_NAME, "Storage", "EBS:VolumeUsage.gp2", "CreateVolume-Gp2", "GB-Mo", 0.10,
          AmountModel.STORAGE_MONTHS, 8, 500, ResourceStyle.VOLUME,
          "${rate} per GB-month of General Purpose SSD (gp2) provisioned storage - {location}",
          Map.of("volume_api_name", "gp2", "volume_type", "General Purpose", "storage_media", "SSD-backed")),
      fixed("ebs.snapshot", EC2, EC2_NAME, "Storage Snapshot", "EBS:SnapshotUsage", "CreateSnapshot", "GB-Mo", 0.05,
          AmountModel.STORAGE_MONTHS, 5, 800, ResourceStyle.SNAPSHOT,
          "${rate} per GB-Month of snapshot data stored - {location}", Map.of("storage_media", "Amazon S3")),
      fixed("nat.hours", EC2, EC2_NAME, "NAT Gateway", "NatGateway-Hours", "NatGateway", "Hrs", 0.045,
          AmountModel.RUNNING_HOURS, 0, 0, ResourceStyle.NAT_GATEWAY, "${rate} per NAT Gateway Hour",
          Map.of("group", "NGW:NatGateway")),
      fixed("nat.bytes", EC2, EC2_NAME, "NAT Gateway", "NatGateway-Bytes", "NatGateway", "GB", 0.045,
          AmountModel.HOURLY_VOLUME, 0, 25, ResourceStyle.NAT_GATEWAY, "${rate} per GB Data Processed by NAT Gateways",
          Map.of("group", "NGW:NatGateway")),
      fixed("eip.idle", EC2, EC2_NAME, "IP Address", "ElasticIP:IdleAddress", "AssociateAddressVPC", "Hrs", 0.005,
          AmountModel.RUNNING_HOURS, 0, 0, ResourceStyle.ELASTIC_IP,
          "${rate} per Elastic IP address not attached to a running instance per hour (prorated)",
          Map.of("group", "ElasticIP:Address")),
      fixed("eip.additional", EC2, EC2_NAME, "IP Address", "ElasticIP:AdditionalAddress", "AssociateAddressVPC",
          "Hrs", 0.005, AmountModel.RUNNING_HOURS, 0, 0, ResourceStyle.ELASTIC_IP,
          "${rate} per additional Elastic IP address attached to a running instance per hour (prorated)",
          Map.of("group", "ElasticIP:Address")),
      fixed("ipv4.idle", "AmazonVPC", "Amazon Virtual Private Cloud", "VPC Public IPv4 Address",
          "PublicIPv4:IdleAddress", "AssociateAddressVPC", "Hrs", 0.005, AmountModel.RUNNING_HOURS, 0, 0,
          ResourceStyle.ELASTIC_IP, "${rate} per Idle public IPv4 address per hour", Map.of("group", "VPCPublicIPv4Address")),
      fixed("ipv4.inuse", "AmazonVPC", "Amazon Virtual Private Cloud", "VPC Public IPv4 Address",
          "PublicIPv4:InUseAddress", "AssociateAddressVPC", "Hrs", 0.005, AmountModel.RUNNING_HOURS, 0, 0,
          ResourceStyle.ELASTIC_IP, "${rate} per In-use public IPv4 address per hour",
          Map.of("group", "VPCPublicIPv4Address")),
      fixed("s3.storage", "AmazonS3", "Amazon Simple Storage Service", "Storage", "TimedStorage-ByteHrs",
          "StandardStorage", "GB-Mo", 0.023, AmountModel.STORAGE_MONTHS, 1, 50_000, ResourceStyle.BUCKET,
          "${rate} per GB - first 50 TB / month of storage used",
          Map.of("storage_class", "General Purpose", "volume_type", "Standard")),
      scaled(fixed("s3.requests", "AmazonS3", "Amazon Simple Storage Service", "API Request", "Requests-Tier1",
          "PutObject", "Requests", 0.000005, AmountModel.HOURLY_VOLUME, 0, 20_000, ResourceStyle.BUCKET,
          "${rate} per 1,000 PUT, COPY, POST, or LIST requests", Map.of("group", "S3-API-Tier1")), 1_000),
      instance("rds.instance", "AmazonRDS", "Amazon Relational Database Service", "Database Instance",
          "InstanceUsage:", RateBasis.RDS_INSTANCE, "CreateDBInstance:0002", ResourceStyle.DB_INSTANCE,
          "${rate} per RDS {type} instance hour (or partial hour) running {engine}",
          Map.of("deployment_option", "Single-AZ", "license_model", "No license required")),
      fixed("rds.storage", "AmazonRDS", "Amazon Relational Database Service", "Database Storage", "RDS:GP2-Storage",
          "CreateDBInstance:0002", "GB-Mo", 0.115, AmountModel.STORAGE_MONTHS, 20, 2_000, ResourceStyle.DB_INSTANCE,
          "${rate} per GB-month of provisioned GP2 storage running {engine}",
          Map.of("volume_type", "General Purpose", "deployment_option", "Single-AZ")),
      fixed("lambda.compute", "AWSLambda", "AWS Lambda", "Serverless", "Lambda-GB-Second", "Invoke",
          "Lambda-GB-Second", 0.0000166667, AmountModel.HOURLY_VOLUME, 0, 90_000, ResourceStyle.FUNCTION,
          "AWS Lambda - Total Compute - {location}", Map.of("group", "AWS-Lambda-Duration")),
      fixed("lambda.requests", "AWSLambda", "AWS Lambda", "Serverless", "Request", "Invoke", "Requests", 0.0000002,
          AmountModel.HOURLY_VOLUME, 0, 400_000, ResourceStyle.FUNCTION, "AWS Lambda - Total Requests - {location}",
          Map.of("group", "AWS-Lambda-Requests")),
      fixed("elb.hours", "AWSELB", "Elastic Load Balancing", "Load Balancer-Application", "LoadBalancerUsage",
          "LoadBalancing:Application", "Hrs", 0.0225, AmountModel.RUNNING_HOURS, 0, 0, ResourceStyle.LOAD_BALANCER,
          "${rate} per Application LoadBalancer-hour (or partial hour)", Map.of("group", "ELB:Balancer")),
      fixed("elb.lcu", "AWSELB", "Elastic Load Balancing", "Load Balancer-Application", "LCUUsage",
          "LoadBalancing:Application", "LCU-Hrs", 0.008, AmountModel.HOURLY_VOLUME, 0, 8, ResourceStyle.LOAD_BALANCER,
          "${rate} per used Application load balancer capacity unit-hour (or partial hour)",
          Map.of("group", "ELB:Balancer")),
      fixed("dynamodb.storage", "AmazonDynamoDB", "Amazon DynamoDB", "Database Storage", "TimedStorage-ByteHrs",
          "StandardStorage", "GB-Mo", 0.25, AmountModel.STORAGE_MONTHS, 1, 800, ResourceStyle.TABLE,
          "${rate} per GB-Month of storage used beyond first 25 free GB-Months", Map.of()),
      scaled(fixed("dynamodb.writes", "AmazonDynamoDB", "Amazon DynamoDB", "Amazon DynamoDB PayPerRequest Throughput",
          "WriteRequestUnits", "PayPerRequestThroughput", "WriteRequestUnits", 0.00000125, AmountModel.HOURLY_VOLUME,
          0, 250_000, ResourceStyle.TABLE, "${rate} per million write request units", Map.of("group", "DDB-WriteUnits")),
          1_000_000),
      fixed("cloudwatch.metrics", "AmazonCloudWatch", "AmazonCloudWatch", "Metric", "CW:MetricMonitorUsage",
          "MetricStorage", "Metrics", 0.30, AmountModel.STORAGE_MONTHS, 10, 3_000, ResourceStyle.NONE,
          "${rate} per metric-month - first 10,000 metrics", Map.of("group", "Metric")),
      prefixedAtHome(fixed("cloudwatch.logs", "AmazonCloudWatch", "AmazonCloudWatch", "Data Payload",
          "DataProcessing-Bytes", "PutLogEvents", "GB", 0.50, AmountModel.HOURLY_VOLUME, 0, 3, ResourceStyle.LOG_GROUP,
          "${rate} per GB custom log data ingested", Map.of("group", "Ingested Logs"))));

  UsageProfile {
    if (low > high || rateScale <= 0 || (basis == RateBasis.FIXED && rate <= 0)) {
      throw new IllegalArgumentException("invalid usage profile " + key);
    }
    attributes = Map.copyOf(attributes);
  }

  static int indexOf(String key) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).key().equals(key)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no usage profile " + key);
  }

  /** The usage type billed in a region: USW2-BoxUsage:m5.large, SpotUsage:c5.large, TimedStorage-ByteHrs. */
  String usageType(AwsRegion region, String instanceType, boolean spot) {
    boolean bare = region.code().equals(AwsRegion.HOME) && !prefixedAtHome;
    return (bare ? "" : region.usageTypePrefix() + "-") + (spot ? "SpotUsage:" : usageType)
        + (basis == RateBasis.FIXED ? "" : instanceType);
  }

  /** line_item_line_item_description of on-demand usage: $0.096 per On Demand Linux m5.large Instance Hour. */
  String description(AwsRegion region, String instanceType, double onDemandRate, boolean variant) {
    return description.replace("{rate}", PriceText.compactText(onDemandRate * rateScale))
        .replace("{type}", instanceType == null ? "" : instanceType)
        .replace("{os}", variant ? "Windows" : "Linux")
        .replace("{engine}", variant ? "PostgreSQL" : "MySQL")
        .replace("{location}", region.location());
  }

  /** The regional rate of a fixed-rate profile, to 10 decimals. */
  double rate(AwsRegion region) {
    return Math.round(rate * region.priceFactor() * 1e10) / 1e10;
  }

  private static UsageProfile instance(String key, String code, String name, String family, String usageType,
      RateBasis basis, String operation, ResourceStyle resource, String description, Map<String, String> attributes) {
    return new UsageProfile(key, code, name, family, usageType, basis, false, operation, "Hrs", 0,
        AmountModel.RUNNING_HOURS, 0, 0, true, resource, description, 1, attributes);
  }

  private static UsageProfile fixed(String key, String code, String name, String family, String usageType,
      String operation, String unit, double rate, AmountModel amount, double low, double high,
      ResourceStyle resource, String description, Map<String, String> attributes) {
    return new UsageProfile(key, code, name, family, usageType, RateBasis.FIXED, false, operation, unit, rate, amount,
        low, high, false, resource, description, 1, attributes);
  }

  private static UsageProfile scaled(UsageProfile p, double scale) {
    return new UsageProfile(p.key, p.productCode, p.productName, p.productFamily, p.usageType, p.basis,
        p.prefixedAtHome, p.operation, p.unit, p.rate, p.amount, p.low, p.high, p.zonal, p.resource, p.description,
        scale, p.attributes);
  }

  private static UsageProfile prefixedAtHome(UsageProfile p) {
    return new UsageProfile(p.key, p.productCode, p.productName, p.productFamily, p.usageType, p.basis, true,
        p.operation, p.unit, p.rate, p.amount, p.low, p.high, p.zonal, p.resource, p.description, p.rateScale,
        p.attributes);
  }
}
