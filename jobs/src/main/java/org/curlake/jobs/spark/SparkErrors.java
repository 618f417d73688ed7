package org.curlake.jobs.spark;

/** Spark and Hadoop errors carry long, multi-line messages; a progress line or run record keeps their first line. */
public final class SparkErrors {
  private SparkErrors() {}

  public static String summary(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
