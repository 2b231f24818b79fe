package dev.latlab.cli.campaign;

import dev.latlab.cli.Json;
import dev.latlab.cli.remote.ClientOptions;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.ListCampaignsRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab campaign list}: every campaign with its progress. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List every campaign on the collector, newest first, with its progress.", ""})
final class CampaignListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClientOptions client;

  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  @Override
  public Integer call() {
    List<CampaignStatus> campaigns = client.campaigns(
        stub -> stub.listCampaigns(ListCampaignsRequest.getDefaultInstance())).getCampaignsList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(campaigns.stream().map(CampaignViews::toMap).toList()));
    } else if (campaigns.isEmpty()) {
      out.println("no campaigns");
    } else {
      campaigns.forEach(c -> out.println(CampaignViews.line(c)));
    }
    out.flush();
    return 0;
  }
}
