package org.curlake.jobs.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.curlake.config.ConfigException;
import org.curlake.config.InvalidFieldException;
import org.curlake.config.SourceFormat;
import org.curlake.config.YamlDocuments;
import org.curlake.config.YamlFields;
import org.curlake.jobs.generate.GeneratorSpec;
import org.curlake.jobs.generate.Grain;

/**
 * What the demo generates (config/demo.yaml): one generator spec per synthetic tenant, and the
 * reference time the demo checks freshness against.
 */
public record DemoPlan(Instant referenceTime, List<GeneratorSpec> synthetic) {
  public static final String FILE = "demo.yaml";

  public DemoPlan {
    synthetic = List.copyOf(synthetic);
  }

  public static DemoPlan load(Path configDir) {
    String name = "config/" + FILE;
    Object document = YamlDocuments.load(configDir.resolve(FILE), name);
    try {
      YamlFields root = YamlFields.of("", document, List.of("reference_time", "synthetic"));
      Instant reference;
      try {
        reference = Instant.parse(root.requiredString("reference_time"));
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException("reference_time", "is not an ISO-8601 instant like 2025-10-01T06:00:00Z");
      }
      List<GeneratorSpec> specs = new ArrayList<>();
      List<Object> nodes = root.optionalList("synthetic");
      for (int i = 0; i < nodes.size(); i++) {
        specs.add(spec("synthetic[" + i + "]", nodes.get(i)));
      }
      return new DemoPlan(reference, specs);
    } catch (InvalidFieldException e) {
      throw new ConfigException(name + ": field '" + e.field() + "': " + e.problem());
    }
  }

  private static GeneratorSpec spec(String path, Object node) {
    YamlFields f = YamlFields.of(path, node, List.of("tenant_id", "format", "seed", "first_period", "months",
        "rows_per_month", "accounts", "grain"));
    try {
      YearMonth first;
      try {
        first = YearMonth.parse(f.requiredString("first_period"));
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException("first_period", "is not of the form YYYY-MM");
      }
      return new GeneratorSpec(f.requiredString("tenant_id"), SourceFormat.parse("format", f.requiredString("format")),
          f.requiredDecimal("seed").longValueExact(), first, f.requiredInt("months"),
          f.requiredDecimal("rows_per_month").longValueExact(), f.requiredInt("accounts"),
          Grain.parse(f.requiredString("grain")));
    } catch (InvalidFieldException e) {
      throw e.field().startsWith(path) ? e : e.under(path);
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw new InvalidFieldException(path, e.getMessage());
    }
  }
}
