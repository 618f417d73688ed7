package org.curlake.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.curlake.jobs.SharedSpark;
import org.curlake.jobs.cli.GenerateCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lakehouse generate}: progress lines, exit 0 on success and 2 on invalid options. */
class GenerateCommandTest {
  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void sharedSession() {
    SharedSpark.session();
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new GenerateCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void generatesAndReportsEachPeriod() {
    Path target = temp.resolve("acme");
    int exit = run("--tenant", "acme", "--format", "legacy_cur", "--seed", "5", "--first-period", "2024-01",
        "--months", "2", "--rows-per-month", "1500", "--accounts", "2", "--grain", "DAILY", "--threads", "2",
        "--shuffle-partitions", "2", "--out", target.toString());
    assertEquals(0, exit, err.toString());
    String printed = out.toString();
    assertTrue(printed.contains("generate tenant=acme period=2024-01 rows=1500 files=1 seconds="), printed);
    assertTrue(printed.contains("generate tenant=acme period=2024-02 rows=1403 files=1 seconds="), printed);
    assertTrue(Files.isDirectory(target.resolve("year=2024/month=2")));
  }

  @Test
  void refusesFocusWithExitCodeTwo() {
    assertEquals(2, run("--format", "focus", "--out", temp.toString()));
    assertTrue(err.toString().contains("FOCUS generation is not supported yet"), err.toString());
  }

  @Test
  void refusesInvalidOptionsWithExitCodeTwo() {
    assertEquals(2, run("--first-period", "2024-13", "--out", temp.toString()));
    assertTrue(err.toString().contains("--first-period"), err.toString());
    assertEquals(2, run("--accounts", "0", "--out", temp.toString()));
    assertEquals(2, run("--grain", "weekly", "--out", temp.toString()));
    assertEquals(2, run("--format", "csv", "--out", temp.toString()));
    assertEquals(2, run("--tenant", "acme"), "--out is required");
  }
}
