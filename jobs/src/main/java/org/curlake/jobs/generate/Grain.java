package org.curlake.jobs.generate;

import java.util.Locale;

/** The time granularity of a CUR export: one line item per resource and usage type per hour or per day. */
public enum Grain {
  HOURLY(1),
  DAILY(24);

  private final int hours;

  Grain(int hours) {
    this.hours = hours;
  }

  /** The length of one usage interval, in hours. */
  public int hours() {
    return hours;
  }

  /** Parses {@code hourly} or {@code daily}, in any case. */
  public static Grain parse(String value) {
    if (value != null) {
      for (Grain grain : values()) {
        if (grain.name().equalsIgnoreCase(value.strip())) {
          return grain;
        }
      }
    }
    throw new IllegalArgumentException("grain '" + value + "' is not one of hourly, daily");
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
