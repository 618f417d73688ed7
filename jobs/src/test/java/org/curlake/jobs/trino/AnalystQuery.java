package org.curlake.jobs.trino;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One documented analyst query from {@code sql/analyst/<name>.sql}: its text and the names of its
 * positional ({@code ?}) parameters, in order, from the header line
 * {@code -- Parameters (bound in order, JDBC '?'): 1. billing_period, 'YYYY-MM'; 2. ...}.
 */
record AnalystQuery(String name, String sql, List<String> parameters) {
  private static final Pattern PARAMETERS_LINE = Pattern.compile("(?m)^-- Parameters(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\. ([a-z_]+)");

  static List<AnalystQuery> loadAll(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<AnalystQuery> queries = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        queries.add(parse(file.getFileName().toString().replace(".sql", ""), Files.readString(file)));
      }
      return queries;
    }
  }

  static AnalystQuery parse(String name, String sql) {
    Matcher line = PARAMETERS_LINE.matcher(sql);
    if (!line.find()) {
      throw new IllegalArgumentException(name + ".sql has no '-- Parameters' header line");
    }
    List<String> parameters = new ArrayList<>();
    Matcher numbered = NUMBERED.matcher(line.group(1));
    while (numbered.find()) {
      if (Integer.parseInt(numbered.group(1)) != parameters.size() + 1) {
        throw new IllegalArgumentException(name + ".sql numbers its parameters out of order");
      }
      parameters.add(numbered.group(2));
    }
    long markers = sql.lines().filter(l -> !l.startsWith("--")).mapToLong(l -> l.chars().filter(c -> c == '?').count())
        .sum();
    if (markers != parameters.size()) {
      throw new IllegalArgumentException(name + ".sql documents " + parameters.size() + " parameter(s) but has "
          + markers + " '?' marker(s)");
    }
    return new AnalystQuery(name, sql, List.copyOf(parameters));
  }
}
