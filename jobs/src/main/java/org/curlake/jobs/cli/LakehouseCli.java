package org.curlake.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./lakehouse} command line: one subcommand per job. */
@Command(
    name = "lakehouse",
    mixinStandardHelpOptions = true,
    description = "Multi-tenant FinOps lakehouse over the AWS Cost and Usage Report.",
    subcommands = {
        //GenerateCommand.class,
        IngestCommand.class,
        CurateCommand.class,
        CheckCommand.class,
        DemoCommand.class,
    })
public final class LakehouseCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int exit = new CommandLine(new LakehouseCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .execute(args);
    System.exit(exit);
  }
}
