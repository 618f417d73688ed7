package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_concat;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;

/**
 * Cost allocation tags as resources carry them: keys in the case their owners typed them
 * ({@code Environment} on some resources, {@code environment} or {@code env} on others;
 * {@code CostCenter} vs {@code costcenter}), values with accents and CJK, a fifth of resources
 * untagged. Each format then names the keys the way AWS exports them: legacy CUR as one
 * {@code resource_tags_<key>} column per normalized key, CUR 2.0 as a map keyed by the same
 * normalized key ({@code user:CostCenter} becomes {@code user_cost_center}).
 */
final class ResourceTags {
  /** Tag keys as set on resources; {@code aws:createdBy} is the AWS-generated tag. */
  static final List<String> KEYS = List.of("user:Environment", "user:environment", "user:env", "user:CostCenter",
      "user:costcenter", "user:Project", "user:Team", "user:Name", "aws:createdBy");

  private static final String[] ENVIRONMENTS = {
      "Production", "Staging", "Development", "Test", // user:Environment
      "prod", "staging", "dev", "test", // user:environment
      "prd", "stg", "dev", "qa"}; // user:env
  private static final String[] ENVIRONMENT_SHORT = {"prd", "stg", "dev", "tst"};
  private static final String[] PROJECTS = {"Phoenix", "Atlas", "Nebula", "Orion", "Données-Clients", "Überwachung",
      "東京-Analytics", "São Paulo Expansion", "Café-POS", "Zürich Payments", "数据平台", "Ñandú"};
  private static final String[] TEAMS = {"platform", "data-eng", "payments", "ml", "sre", "frontend", "équipe-infra",
      "growth"};
  private static final String[] SESSIONS = {"terraform", "cdk-deploy", "github-actions", "alice", "bob",
      "AutoScaling"};

  private ResourceTags() {}

  /**
   * The tags of resource {@code group} (original keys; empty map for untagged resources).
   *
   * @param account the resource's account index (the creator principal is per account)
   * @param workload the workload name the resource serves
   */
  static Column forResource(MonthPlan plan, Column group, Column account, Column workload) {
    SeedHash h = plan.hash();
    Column tagged = h.fraction("tagged", group).geq(0.2);
    Column keyDraw = h.pick("tag-environment-key", 20, group);
    Column variant = when(keyDraw.lt(11), 0).when(keyDraw.lt(17), 1).otherwise(2);
    Column environmentKey = when(variant.equalTo(0), lit(KEYS.get(0)))
        .when(variant.equalTo(1), lit(KEYS.get(1))).otherwise(lit(KEYS.get(2)));
    Column stage = h.pick("tag-environment", 4, group);
    Column environment = element_at(lit(ENVIRONMENTS), variant.multiply(4).plus(stage).plus(1));
    Column costCenterKey = when(h.fraction("tag-cost-center-key", group).lt(0.75), lit(KEYS.get(3)))
        .otherwise(lit(KEYS.get(4)));
    Column costCenter = concat(lit("CC-"), h.pick("tag-cost-center", 12, group).plus(1001).cast("string"));
    Column project = element_at(lit(PROJECTS), h.pick("tag-project", PROJECTS.length, group).plus(1));
    Column team = element_at(lit(TEAMS), h.pick("tag-team", TEAMS.length, group).plus(1));
    Column name = concat(workload, lit("-"), element_at(lit(ENVIRONMENT_SHORT), stage.plus(1)), lit("-"),
        lpad(h.pick("tag-name", 100, group).cast("string"), 2, "0"));
    Column creator = concat(plan.catalog().get("account.creator", account), lit(":"),
        element_at(lit(SESSIONS), h.pick("tag-session", SESSIONS.length, group).plus(1)));
    return map_concat(
        entry(tagged.and(present(h, "environment", 0.9, group)), environmentKey, environment),
        entry(tagged.and(present(h, "cost-center", 0.8, group)), costCenterKey, costCenter),
        entry(tagged.and(present(h, "project", 0.7, group)), lit(KEYS.get(5)), project),
        entry(tagged.and(present(h, "team", 0.6, group)), lit(KEYS.get(6)), team),
        entry(tagged.and(present(h, "name", 0.5, group)), lit(KEYS.get(7)), name),
        entry(h.fraction("tag-created-by", group).lt(0.35), lit(KEYS.get(8)), creator));
  }

  /**
   * The key AWS exports a tag under: {@code user:CostCenter} → {@code user_cost_center}, the Athena
   * column naming legacy CUR uses (after {@code resource_tags_}) and CUR 2.0 uses for map keys.
   */
  static String exportKey(String tagKey) {
    String split = tagKey.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    String snake = split.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    return snake.replaceAll("^_+|_+$", "");
  }

  /** Export keys and the original keys that map to each, sorted by export key. */
  static Map<String, List<String>> byExportKey() {
    Map<String, List<String>> keys = new TreeMap<>();
    for (String key : KEYS) {
      keys.computeIfAbsent(exportKey(key), k -> new ArrayList<>()).add(key);
    }
    return keys;
  }

  /** The value of an export key: the first of its original keys the resource has, or null. */
  static Column exportValue(Column tags, List<String> originalKeys) {
    return coalesce(originalKeys.stream().map(tags::getItem).toArray(Column[]::new));
  }

  /** CUR 2.0's resource_tags: the tags keyed by export key. */
  static Column exportMap(Column tags) {
    List<Column> entries = new ArrayList<>();
    byExportKey().forEach((exportKey, originals) -> {
      Column value = exportValue(tags, originals);
      entries.add(entry(value.isNotNull(), lit(exportKey), value));
    });
    return map_concat(entries.toArray(Column[]::new));
  }

  private static Column present(SeedHash h, String tag, double share, Column group) {
    return h.fraction("tag-present-" + tag, group).lt(share);
  }

  /** A one-entry map when {@code present}, else an empty map (map_concat of these needs no filter). */
  private static Column entry(Column present, Column key, Column value) {
    return when(present, map(key, value)).otherwise(map().cast(LineItemSchema.TEXT_MAP));
  }
}
