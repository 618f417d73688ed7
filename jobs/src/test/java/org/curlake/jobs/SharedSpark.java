package org.curlake.jobs;

import org.apache.spark.sql.SparkSession;
import org.curlake.jobs.spark.SparkSessions;

/**
 * The one SparkSession the whole test suite shares (surefire runs every test class in one JVM).
 * Starting Spark costs seconds; starting it once keeps the suite fast.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.local("curlake-tests", 2, 2);
    }
    return session;
  }
}
