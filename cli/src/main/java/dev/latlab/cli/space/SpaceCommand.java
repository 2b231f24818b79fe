package dev.latlab.cli.space;

import picocli.CommandLine.Command;

/** {@code latlab space}: the NAS-Bench-201 search space. */
@Command(
    name = "space",
    mixinStandardHelpOptions = true,
    description = {
      "The NAS-Bench-201 search space: look up a cell, list all cells, export a network.",
      "",
      "ARCH is accepted in any of its three names: an NB201 string "
          + "(|op~0|+|op~0|op~1|+|op~0|op~1|op~2|), a 6-digit LatBench vector of op ids "
          + "(none=0 skip_connect=1 nor_conv_1x1=2 nor_conv_3x3=3 avg_pool_3x3=4), "
          + "or the official NB201 index 0..15624.",
      ""
    },
    subcommands = {
      SpaceInfoCommand.class,
      SpaceTableCommand.class,
      SpaceExportCommand.class,
      SpaceBenchCommand.class
    })
public final class SpaceCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
