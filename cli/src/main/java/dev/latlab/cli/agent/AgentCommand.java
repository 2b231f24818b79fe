package dev.latlab.cli.agent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code latlab agent}: the measurement engine. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
      "Measure NB201 networks on this machine with a real runtime (ONNX Runtime or TFLite).",
      "Networks are generated here from the cell and a weight seed; nothing is downloaded.",
      ""
    },
    subcommands = {
      AgentMeasureCommand.class,
      AgentSweepCommand.class,
      AgentCompareCommand.class,
      AgentOverheadCommand.class
    })
public final class AgentCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
