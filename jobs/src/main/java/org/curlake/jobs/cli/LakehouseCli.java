package org.curlake.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./lakehouse} command line: one subcommand per job. */
@Command(
    name = "lakehouse",
    mixinStandardHelpOptions = true,
    description = "Multi-tenant FinOps lakehouse over the AWS Cost and Usage Report.",
    footer = {"", "The launcher also runs the HTTP API (module api, no Spark):",
        "  serve [--port 8080] [--lake PATH] [--config DIR]   the API on 127.0.0.1 (also: demo --serve, after the demo)",
        "  bench-api [--tenant T] [--connections N] [--seconds S]   its loopback load test"},
    subcommands = {
        GenerateCommand.class,
        IngestCommand.class,
        CurateCommand.class,
        CheckCommand.class,
        AnalyticsCommand.class,
        RegisterCommand.class,
        UtilizationCommand.class,
        EvaluateCommand.class,
        DemoCommand.class,
        BenchCommand.class,
    })
public final class LakehouseCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Bad config or arguments are the user's to fix: one clear line and exit 2, no stack trace. */
  private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
    if (e instanceof org.curlake.config.ConfigException || e instanceof IllegalArgumentException) {
      commandLine.getErr().println("lakehouse " + commandLine.getCommandName() + ": " + e.getMessage());
      return 2;
    }
    throw new IllegalStateException(e);
  }

  public static void main(String[] args) {
    int exit = new CommandLine(new LakehouseCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(LakehouseCli::reportFailure)
        .execute(args);
    System.exit(exit);
  }
}
