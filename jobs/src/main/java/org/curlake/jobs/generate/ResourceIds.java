package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.curlake.jobs.generate.UsageProfile.ResourceStyle;

/**
 * line_item_resource_id in the shapes AWS uses: bare ids for instances, volumes and Elastic IPs,
 * the bucket name for S3 (as in real CUR data, not an ARN), ARNs for the rest. Every id is a function
 * of the resource group, so a resource keeps its id all month and across months.
 */
final class ResourceIds {
  static final String[] WORKLOADS = {"checkout", "orders", "payments", "search", "catalog", "auth",
      "notifications", "reporting", "ingest", "billing", "inventory", "recommendations", "analytics", "media"};
  private static final String[] BUCKET_PURPOSES = {"logs", "data-lake", "backups", "static-assets",
      "ml-artifacts", "exports", "terraform-state"};
  private static final String[] FUNCTION_ROLES = {"handler", "worker", "api", "cron", "consumer"};
  private static final String[] TABLE_ROLES = {"events", "sessions", "state", "idempotency", "profiles"};

  private ResourceIds() {}

  /** The workload a resource group serves (names functions, tables, databases and Name tags). */
  static Column workload(SeedHash h, Column group) {
    return element_at(lit(WORKLOADS), h.pick("workload", WORKLOADS.length, group).plus(1));
  }

  /**
   * The resource id of a line of resource {@code group}.
   *
   * @param style the line's {@link ResourceStyle} ordinal
   * @param bucketPrefix the tenant's bucket name prefix (lowercase, hyphenated)
   */
  static Column of(SeedHash h, Column style, Column group, Column regionCode, Column accountId, Column workload,
      String bucketPrefix) {
    Column hex = h.hex16("resource", group);
    Column arnPrefix = concat(regionCode, lit(":"), accountId, lit(":"));
    Column number = lpad(h.pick("resource-number", 100, group).cast("string"), 2, "0");
    return when(is(style, ResourceStyle.INSTANCE), concat(lit("i-0"), hex))
        .when(is(style, ResourceStyle.VOLUME), concat(lit("vol-0"), hex))
        .when(is(style, ResourceStyle.SNAPSHOT),
            concat(lit("arn:aws:ec2:"), arnPrefix, lit("snapshot/snap-0"), h.hex16("snapshot", group)))
        .when(is(style, ResourceStyle.BUCKET), concat(lit(bucketPrefix + "-"),
            element_at(lit(BUCKET_PURPOSES), h.pick("bucket", BUCKET_PURPOSES.length, group).plus(1)), lit("-"),
            hex.substr(1, 8)))
        .when(is(style, ResourceStyle.NAT_GATEWAY),
            concat(lit("arn:aws:ec2:"), arnPrefix, lit("natgateway/nat-0"), hex))
        .when(is(style, ResourceStyle.ELASTIC_IP), concat(lit("eipalloc-0"), hex))
        .when(is(style, ResourceStyle.DB_INSTANCE),
            concat(lit("arn:aws:rds:"), arnPrefix, lit("db:"), workload, lit("-db-"), number))
        .when(is(style, ResourceStyle.FUNCTION), concat(lit("arn:aws:lambda:"), arnPrefix, lit("function:"),
            workload, lit("-"), element_at(lit(FUNCTION_ROLES),
                h.pick("function-role", FUNCTION_ROLES.length, group).plus(1)), lit("-"), number))
        .when(is(style, ResourceStyle.LOAD_BALANCER), concat(lit("arn:aws:elasticloadbalancing:"), arnPrefix,
            lit("loadbalancer/app/"), workload, lit("-alb/"), hex))
        .when(is(style, ResourceStyle.TABLE), concat(lit("arn:aws:dynamodb:"), arnPrefix, lit("table/"), workload,
            lit("-"), element_at(lit(TABLE_ROLES), h.pick("table-role", TABLE_ROLES.length, group).plus(1))))
        .when(is(style, ResourceStyle.LOG_GROUP),
            concat(lit("arn:aws:logs:"), arnPrefix, lit("log-group:/aws/lambda/"), workload, lit("-"), number));
  }

  private static Column is(Column style, ResourceStyle value) {
    return style.equalTo(value.ordinal());
  }

}
