package org.curlake.jobs.curate;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A model's expectations, from the {@code .yml} beside its {@code .sql}: unique keys, not-null
 * columns, accepted values, and fixtures (input rows per view, expected output rows).
 */
record ModelExpectations(
    String model,
    Map<String, Object> parameters,
    List<String> keys,
    List<String> notNull,
    Map<String, List<Object>> acceptedValues,
    List<Fixture> fixtures) {

  /** Rows written as column → value maps; columns left out are null. Parameters override the model's. */
  record Fixture(String name, Map<String, Object> parameters, Map<String, List<Map<String, Object>>> inputs,
      List<Map<String, Object>> expect) {}

  /** Every model the jobs run, in dependency order. */
  static final List<String> MODELS = List.of("stg_cur_line_items", "int_line_items_costed", "fct_cost_daily",
      "fct_cost_by_tag", "focus_costs", "fct_cost_monthly", "dim_accounts", "dim_services",
      "int_snapshot_first_seen", "int_idle_resource_usage", "int_volume_days_without_instance", "fct_idle_resources",
      "fct_cost_forecast", "budget_status", "int_daily_service_cost", "fct_cost_anomalies", "fct_cost_anomaly_drivers");

  @SuppressWarnings("unchecked")
  static ModelExpectations load(String model) {
    String resource = "sql/" + SqlModel.layerOf(model) + "/" + model + ".yml";
    try (InputStream in = ModelExpectations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("model " + model + " has no expectations file " + resource);
      }
      Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!model.equals(yaml.get("model"))) {
        throw new IllegalStateException(resource + " declares model " + yaml.get("model"));
      }
      List<Fixture> fixtures = ((List<Map<String, Object>>) yaml.getOrDefault("fixtures", List.of())).stream()
          .map(f -> new Fixture((String) f.get("name"),
              (Map<String, Object>) f.getOrDefault("parameters", Map.of()),
              (Map<String, List<Map<String, Object>>>) f.get("inputs"),
              (List<Map<String, Object>>) f.get("expect")))
          .toList();
      return new ModelExpectations(model,
          (Map<String, Object>) yaml.getOrDefault("parameters", Map.of()),
          (List<String>) yaml.getOrDefault("keys", List.of()),
          (List<String>) yaml.getOrDefault("not_null", List.of()),
          (Map<String, List<Object>>) yaml.getOrDefault("accepted_values", Map.of()),
          fixtures);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
