package org.curlake.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lakehouse demo}: placeholder until the demo pipeline lands. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the demo pipeline.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
