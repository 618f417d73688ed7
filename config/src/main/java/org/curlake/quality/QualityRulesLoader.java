package org.curlake.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.curlake.config.ConfigException;
import org.curlake.config.InvalidFieldException;
import org.curlake.config.YamlDocuments;
import org.curlake.config.YamlFields;

/** Reads {@code config/quality/rules.yaml}; every problem names the file, the rule and the field. */
public final class QualityRulesLoader {
  public static final String FILE = "quality/rules.yaml";

  private final Path configDir;

  public QualityRulesLoader(Path configDir) {
    this.configDir = configDir.toAbsolutePath().normalize();
  }

  public QualityRules load() {
    Path file = configDir.resolve(FILE);
    String name = "config/" + FILE;
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new ConfigException(name + ": quality rules file not found at " + file);
    }
    Object document = YamlDocuments.load(file, name);
    try {
      YamlFields root = YamlFields.of("", document, List.of("validity", "checks"));
      List<ValidityRule> validity = new ArrayList<>();
      List<Object> rules = root.optionalList("validity");
      for (int i = 0; i < rules.size(); i++) {
        validity.add(validityRule("validity[" + i + "]", rules.get(i)));
      }
      List<QualityCheck> checks = new ArrayList<>();
      List<Object> checkNodes = root.optionalList("checks");
      for (int i = 0; i < checkNodes.size(); i++) {
        checks.add(check("checks[" + i + "]", checkNodes.get(i)));
      }
      return new QualityRules(validity, checks);
    } catch (InvalidFieldException e) {
      throw new ConfigException(name + ": field '" + e.field() + "': " + e.problem());
    }
  }

  private static ValidityRule validityRule(String path, Object node) {
    YamlFields rule = YamlFields.of(path, node, List.of("id", "rule", "column", "pattern"));
    try {
      return new ValidityRule(rule.requiredString("id"),
          parse(ValidityRule.Kind.class, "rule", rule.requiredString("rule")),
          rule.requiredString("column"), rule.optionalString("pattern").orElse(null));
    } catch (InvalidFieldException e) {
      throw e.field().startsWith(path) ? e : e.under(path);
    }
  }

  private static QualityCheck check(String path, Object node) {
    YamlFields check = YamlFields.of(path, node, List.of("id", "table", "metric", "columns", "min", "severity"));
    try {
      return new QualityCheck(check.requiredString("id"), check.requiredString("table"),
          parse(QualityCheck.Metric.class, "metric", check.requiredString("metric")),
          check.optionalStringList("columns"), check.optionalDouble("min").orElse(1.0),
          parse(QualityCheck.Severity.class, "severity", check.optionalString("severity").orElse("error")));
    } catch (InvalidFieldException e) {
      throw e.field().startsWith(path) ? e : e.under(path);
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name().toLowerCase(Locale.ROOT));
      }
      throw new InvalidFieldException(field, "unknown value '" + value + "', expected one of " + allowed);
    }
  }
}
