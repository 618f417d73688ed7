package org.curlake.api;

import org.curlake.api.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The API's command line: {@code serve} (./lakehouse serve) and {@code bench} (./lakehouse bench-api). No Spark here. */
@Command(name = "lakehouse-api", mixinStandardHelpOptions = true, subcommands = {ServeCommand.class, BenchCommand.class},
    description = "The CUR lakehouse HTTP API over the curated layer.")
public final class ApiMain implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    // Library logs (Jetty, Delta Kernel, Parquet, Hadoop) only when they go wrong; the commands print their own lines.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.io.delta.kernel", "error");
    }
    System.exit(new CommandLine(new ApiMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
