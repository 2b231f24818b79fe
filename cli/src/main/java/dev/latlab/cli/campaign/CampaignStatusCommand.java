package dev.latlab.cli.campaign;

import dev.latlab.cli.Json;
import dev.latlab.cli.remote.ClientOptions;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latlab campaign status ID}: one campaign's progress. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show a campaign's progress: jobs total, done, leased and failed, its state "
        + "(running or done) and the target's connected agents.", ""})
final class CampaignStatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  String id;

  @Mixin ClientOptions client;

  @Option(names = "--json", description = "Print one JSON object (total, done, leased, failed, "
      + "state, ...).")
  boolean json;

  @Override
  public Integer call() {
    CampaignStatus status = client.campaigns(stub -> stub.getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(id).build()));
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.write(CampaignViews.toMap(status)) : CampaignViews.line(status));
    out.flush();
    return 0;
  }
}
