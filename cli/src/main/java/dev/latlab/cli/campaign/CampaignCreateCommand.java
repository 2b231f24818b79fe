package dev.latlab.cli.campaign;

import dev.latlab.agent.remote.ProtoMapping;
import dev.latlab.cli.ArchSetOption;
import dev.latlab.cli.NetworkOptions;
import dev.latlab.cli.agent.ProtocolOptions;
import dev.latlab.cli.remote.ClientOptions;
import dev.latlab.nb201.Arch;
import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.CreateCampaignRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab campaign create}: queue a set of cells for a target's agents. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Create a campaign: the collector cuts it into one job per cell and repeat, and leases the "
          + "jobs to the connected agents of the target. Prints the campaign id alone on the last "
          + "line.",
      ""
    })
final class CampaignCreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClientOptions client;

  @Option(names = "--target", required = true, paramLabel = "NAME",
      description = "The target whose agents measure the campaign.")
  String target;

  @Mixin ArchSetOption archs;

  @Option(names = "--repeats", paramLabel = "R",
      description = "Independent measurements per cell. Default: ${DEFAULT-VALUE}.")
  int repeats = 1;

  @Option(names = "--label", paramLabel = "TEXT", description = "A free-form label.")
  String label = "";

  @Mixin ProtocolOptions protocol;
  @Mixin NetworkOptions network;

  @Override
  public Integer call() {
    CreateCampaignRequest request = request();
    Campaign campaign = client.campaigns(stub -> stub.createCampaign(request));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("campaign for target %s: %d cells x %d repeats%n", campaign.getTarget(),
        campaign.getCells(), campaign.getRepeats());
    out.println(campaign.getId());
    out.flush();
    return 0;
  }

  private CreateCampaignRequest request() {
    CreateCampaignRequest.Builder b = CreateCampaignRequest.newBuilder().setTarget(target)
        .setRepeats(repeats).setLabel(label)
        .setProtocol(ProtoMapping.toProto(protocol.protocol(network.seed())))
        .setNetwork(ProtoMapping.toNetworkOptions(network.spec(), network.seed()));
    String spec = archs.spec();
    if (spec.equals("all") || spec.equals("compute-classes") || spec.startsWith("sample:")) {
      archs.cells();
      b.setSelection(spec);
    } else {
      archs.cells().stream().map(Arch::index).forEach(b::addArchIndices);
    }
    return b.build();
  }
}
