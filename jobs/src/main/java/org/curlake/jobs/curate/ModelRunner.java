package org.curlake.jobs.curate;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs SQL models in order. Each model's result becomes a temporary view named after the model,
 * so the next model can select from it, as dbt's ref() does. Values reach the SQL as named
 * parameters of Spark's parameterised SQL; no value is ever concatenated into a statement.
 */
public final class ModelRunner {
  private final SparkSession spark;

  public ModelRunner(SparkSession spark) {
    this.spark = spark;
  }

  /** Registers an input under the name the models select from. */
  public void input(String viewName, Dataset<Row> rows) {
    rows.createOrReplaceTempView(viewName);
  }

  /** Runs one model; returns its rows (also registered as a view of its name). */
  public Dataset<Row> run(SqlModel model, Map<String, Object> parameters) {
    Dataset<Row> result = usedParameters(model, parameters).isEmpty()
        ? spark.sql(model.sql())
        : spark.sql(model.sql(), usedParameters(model, parameters));
    result.createOrReplaceTempView(model.name());
    return result;
  }

  /** Runs models in order; returns the last one's rows. */
  public Dataset<Row> runAll(List<SqlModel> models, Map<String, Object> parameters) {
    Dataset<Row> last = null;
    for (SqlModel model : models) {
      last = run(model, parameters);
    }
    return last;
  }

  /** Spark refuses parameters a statement does not use; pass only those the model names. */
  private static Map<String, Object> usedParameters(SqlModel model, Map<String, Object> parameters) {
    Map<String, Object> used = new java.util.HashMap<>();
    parameters.forEach((name, value) -> {
      if (model.sql().matches("(?s).*:" + name + "\\b.*")) {
        used.put(name, value);
      }
    });
    return used;
  }
}
