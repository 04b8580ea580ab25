package dev.funnel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code funnel}: without a subcommand it prints the usage and exits with status 2. */
@Command(
    name = "funnel",
    mixinStandardHelpOptions = true,
    version = "funnel 0.1.0-SNAPSHOT",
    description = "Where the money is lost between the first ad click and the payment.",
    subcommands = {
      ValidateCommand.class,
      ReportCommand.class,
      KpiCommand.class,
      ForecastCommand.class,
      SequenceCommand.class,
      DemoCommand.class,
      ShellCommand.class
    },
    footer = {
      "",
      "Exit status: 0 on success; 2 for unusable input or bad options, one line per problem on standard error; 1 for an internal error.",
      "Start with: funnel demo"
    })
final class FunnelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("funnel: a command is needed");
    spec.commandLine().usage(spec.commandLine().getErr());
    return FunnelCli.BAD_INPUT;
  }
}
