package org.curlake.config;

/**
 * Thrown by config record constructors when one field is invalid. Carries the field's path
 * (for example {@code source.path}) so the loader can name file, tenant and field in one message.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private final String field;
  private final String problem;

  public InvalidFieldException(String field, String problem) {
    super("field '" + field + "': " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }

  /** The same problem, with the field nested under {@code parent} (e.g. source + path = source.path). */
  public InvalidFieldException under(String parent) {
    return new InvalidFieldException(parent + "." + field, problem);
  }
}
