package org.curlake.jobs.spark;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;

/**
 * The Spark settings a job applies for its own work give way to the launch configuration: a value
 * given with {@code spark-submit --conf}, or a {@code -Dspark.*} system property with {@code ./lakehouse},
 * is left as given.
 */
public final class LaunchSettings {
  private LaunchSettings() {}

  /** {@code wanted} but the settings {@code launch} sets. */
  public static Map<String, String> unlessLaunched(Map<String, String> wanted, SparkConf launch) {
    Map<String, String> settings = new TreeMap<>(wanted);
    settings.keySet().removeIf(launch::contains);
    return settings;
  }
}
