package org.curlake.api.cost;

import java.util.Locale;
import org.curlake.api.web.BadRequest;

/**
 * A tag filter {@code key:value}. The key is normalised as the curated layer stores it (lowercase,
 * letters and digits only, {@code user_} prefix dropped); the value must match exactly.
 */
public record TagFilter(String key, String value) {
  public TagFilter {
    key = normaliseKey(key);
    if (value == null || value.isEmpty() || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
      throw new BadRequest("tag", "needs a value of 1-256 printable characters");
    }
  }

  /** Parses {@code key:value}. */
  public static TagFilter parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new BadRequest("tag", "must be key:value (got '" + text + "')");
    }
    return new TagFilter(text.substring(0, colon), text.substring(colon + 1));
  }

  public static String normaliseKey(String key) {
    String normalised = key == null ? "" : key.toLowerCase(Locale.ROOT).replaceFirst("^user[_:]", "").replaceAll("[^a-z0-9]", "");
    if (normalised.isEmpty() || normalised.length() > 128) {
      throw new BadRequest("tag", "needs a tag key of letters or digits (got '" + key + "')");
    }
    return normalised;
  }
}
