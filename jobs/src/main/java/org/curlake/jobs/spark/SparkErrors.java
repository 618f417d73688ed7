package org.curlake.jobs.spark;

import java.util.Optional;

/** Spark and Hadoop errors carry long, multi-line messages; a progress line or run record keeps their first line. */
public final class SparkErrors {
  private SparkErrors() {}

  public static String summary(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * The message a task raised on purpose ({@code raise_error}) that starts with {@code prefix}, found
   * anywhere in the error's causes and messages (Spark wraps it in its stage failure), without Spark's
   * decorations; empty when there is none.
   */
  public static Optional<String> raised(Throwable error, String prefix) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      int start = message == null ? -1 : message.indexOf(prefix);
      if (start >= 0) {
        String line = message.substring(start).lines().findFirst().orElse("");
        int sqlState = line.indexOf(" SQLSTATE:");
        return Optional.of((sqlState < 0 ? line : line.substring(0, sqlState)).strip());
      }
    }
    return Optional.empty();
  }
}
