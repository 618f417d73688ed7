package org.curlake.jobs.trino;

/** What the register command did with one lake table in the admin schema. */
public record TableRegistration(String table, String location, Outcome outcome) {
  public enum Outcome {
    /** Not registered before: registered now. */
    REGISTERED,
    /** Already registered at this location: left alone. */
    UNCHANGED,
    /** Registered at another location: unregistered and registered again at this one. */
    REPLACED,
    /** No Delta table on disk (no _delta_log): not registered. */
    MISSING
  }

  public String progressLine() {
    return String.format("table %-28s %-10s %s", table, outcome.name().toLowerCase(java.util.Locale.ROOT), location);
  }
}
