package org.curlake.api.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters of one request, checked against the parameters its route accepts: unknown
 * names, repeated values and malformed values are refused with {@link BadRequest}.
 */
public final class RequestParams {
  public static final int MAX_PAGE_SIZE = 1000;
  public static final int DEFAULT_PAGE_SIZE = 100;
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,31}");
  private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.&/\\-]{0,63}");

  private final Map<String, List<String>> values;

  public RequestParams(Map<String, List<String>> values, Set<String> accepted) {
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      if (!accepted.contains(entry.getKey())) {
        throw new BadRequest(entry.getKey(), "unknown parameter; this route accepts " + new java.util.TreeSet<>(accepted));
      }
      if (entry.getValue().size() > 1) {
        throw new BadRequest(entry.getKey(), "given more than once");
      }
    }
    this.values = values;
  }

  public Optional<String> text(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() || list.get(0).isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  public Optional<LocalDate> date(String name) {
    return text(name).map(v -> {
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        throw new BadRequest(name, "must be a date YYYY-MM-DD (got '" + v + "')");
      }
    });
  }

  public Optional<String> period(String name) {
    return text(name).map(v -> {
      try {
        return YearMonth.parse(v).toString();
      } catch (DateTimeParseException e) {
        throw new BadRequest(name, "must be a billing period YYYY-MM (got '" + v + "')");
      }
    });
  }

  public int integer(String name, int defaultValue, int min, int max) {
    return text(name).map(v -> {
      try {
        int value = Integer.parseInt(v);
        if (value < min || value > max) {
          throw new BadRequest(name, "must be between " + min + " and " + max + " (got " + v + ")");
        }
        return value;
      } catch (NumberFormatException e) {
        throw new BadRequest(name, "must be a whole number between " + min + " and " + max + " (got '" + v + "')");
      }
    }).orElse(defaultValue);
  }

  public boolean flag(String name) {
    return text(name).map(v -> switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadRequest(name, "must be true or false (got '" + v + "')");
    }).orElse(false);
  }

  public Optional<String> account(String name) {
    return matching(name, ACCOUNT, "a 12-digit AWS account id");
  }

  public Optional<String> code(String name) {
    return matching(name, CODE, "a product code (letters, digits, '_', '.', '-')");
  }

  public Optional<String> region(String name) {
    return matching(name, REGION, "a region code such as us-east-1");
  }

  public Optional<String> label(String name) {
    return matching(name, LABEL, "a name of letters, digits, spaces and _.&/-");
  }

  private Optional<String> matching(String name, Pattern pattern, String what) {
    return text(name).map(v -> {
      if (!pattern.matcher(v).matches()) {
        throw new BadRequest(name, "must be " + what + " (got '" + (v.length() > 80 ? v.substring(0, 80) + "..." : v) + "')");
      }
      return v;
    });
  }
}
