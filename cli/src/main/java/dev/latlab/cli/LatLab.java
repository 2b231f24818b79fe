package dev.latlab.cli;

import dev.latlab.cli.agent.AgentCommand;
import dev.latlab.cli.campaign.CampaignCommand;
import dev.latlab.cli.collector.CollectorCommand;
import dev.latlab.cli.demo.DemoCommand;
import dev.latlab.cli.predictor.PredictorCommand;
import dev.latlab.cli.remote.AgentsCommand;
import dev.latlab.cli.remote.DatasetCommand;
import dev.latlab.cli.search.SearchCommand;
import dev.latlab.cli.space.SpaceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code latlab} command: the entry point of {@code bin/latlab}. */
@Command(
    name = "latlab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure how fast NAS-Bench-201 networks run on real hardware, and use the measurements.",
      ""
    },
    subcommands = {
      DemoCommand.class,
      SpaceCommand.class,
      AgentCommand.class,
      CollectorCommand.class,
      CampaignCommand.class,
      AgentsCommand.class,
      DatasetCommand.class,
      PredictorCommand.class,
      SearchCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Run 'latlab COMMAND --help' for the options of a command."})
public final class LatLab implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its status: 0 on success, 2 for a usage error or bad
   * input, 1 for an unexpected failure.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    Logging.configure();
    System.exit(newCommandLine().execute(args));
  }

  /**
   * Returns the configured command line; tests call {@code execute} on it.
   *
   * @return a new command line
   */
  public static CommandLine newCommandLine() {
    return CliErrors.install(new CommandLine(new LatLab()));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
