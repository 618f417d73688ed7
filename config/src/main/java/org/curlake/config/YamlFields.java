package org.curlake.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, strict access to one YAML mapping: unknown keys and wrong types are reported as
 * {@link InvalidFieldException} with the full field path (e.g. {@code source.path}).
 */
public final class YamlFields {
  private final String path;
  private final Map<String, Object> values;

  private YamlFields(String path, Map<String, Object> values) {
    this.path = path;
    this.values = values;
  }

  public static YamlFields of(String path, Object node, List<String> allowedKeys) {
    if (!(node instanceof Map<?, ?> map)) {
      throw new InvalidFieldException(path.isEmpty() ? "tenant" : path, "expected a mapping");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    map.forEach((key, value) -> values.put(String.valueOf(key), value));
    YamlFields fields = new YamlFields(path, values);
    fields.allowOnly(allowedKeys);
    return fields;
  }

  public void allowOnly(List<String> allowedKeys) {
    for (String key : values.keySet()) {
      if (!allowedKeys.contains(key)) {
        throw new InvalidFieldException(field(key), "unknown key; allowed keys are " + allowedKeys);
      }
    }
  }

  private String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private Object required(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw new InvalidFieldException(field(key), "is required");
    }
    return value;
  }

  public String requiredString(String key) {
    Object value = required(key);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean) {
      // YAML 1.1 reads yes/no/on/off as booleans: never turn them back into a different string.
      throw new InvalidFieldException(field(key), "expected a string, got the boolean " + value
          + " (quote the value)");
    }
    if (value instanceof Number) {
      return value.toString();
    }
    throw new InvalidFieldException(field(key), "expected a string");
  }

  public Optional<String> optionalString(String key) {
    return values.get(key) == null ? Optional.empty() : Optional.of(requiredString(key));
  }

  public Optional<Boolean> optionalBoolean(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    throw new InvalidFieldException(field(key), "expected true or false (got '" + value + "')");
  }

  public int requiredInt(String key) {
    Object value = required(key);
    if (value instanceof Integer i) {
      return i;
    }
    throw new InvalidFieldException(field(key), "expected a whole number (got '" + value + "')");
  }

  public Optional<Integer> optionalInt(String key) {
    return values.get(key) == null ? Optional.empty() : Optional.of(requiredInt(key));
  }

  public BigDecimal requiredDecimal(String key) {
    Object value = required(key);
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      throw new InvalidFieldException(field(key), "expected a finite number (got " + d + ")");
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new InvalidFieldException(field(key), "expected a number (got '" + value + "')");
  }

  public YamlFields requiredObject(String key) {
    return of(field(key), required(key), List.copyOf(mapKeys(required(key))));
  }

  public Optional<YamlFields> optionalObject(String key) {
    return values.get(key) == null ? Optional.empty() : Optional.of(requiredObject(key));
  }

  /** A mapping whose keys are all strings: an unquoted number or boolean key is refused. */
  public Map<String, Object> optionalMap(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidFieldException(field(key), "expected a mapping");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        throw new InvalidFieldException(field(key), "key " + entry.getKey() + " must be quoted (\""
            + entry.getKey() + "\"): unquoted, YAML reads it as a " + entry.getKey().getClass().getSimpleName());
      }
      result.put(name, entry.getValue());
    }
    return result;
  }

  public List<String> optionalStringList(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new InvalidFieldException(field(key), "expected a list of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private List<String> mapKeys(Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      return List.of();
    }
    return map.keySet().stream().map(String::valueOf).toList();
  }

  public List<Object> optionalList(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidFieldException(field(key), "expected a list");
    }
    return List.copyOf(list);
  }

  public Optional<Double> optionalDouble(String key) {
    Object value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    throw new InvalidFieldException(field(key), "expected a number (got '" + value + "')");
  }
}
