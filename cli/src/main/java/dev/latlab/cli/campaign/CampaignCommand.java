package dev.latlab.cli.campaign;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code latlab campaign}: create campaigns and follow them. */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    description = {"Create measurement campaigns on a collector and follow their progress.", ""},
    subcommands = {CampaignCreateCommand.class, CampaignStatusCommand.class,
        CampaignListCommand.class})
public final class CampaignCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
