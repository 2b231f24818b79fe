package dev.latlab.cli.campaign;

import dev.latlab.cli.Json;
import dev.latlab.cli.remote.ClientOptions;
import dev.latlab.cli.remote.Rpc;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
    ManagedChannel channel = client.open();
    try {
      CampaignStatus status = Rpc.call(client.address(), () -> CampaignServiceGrpc
          .newBlockingStub(channel).withDeadlineAfter(client.timeoutSeconds(), TimeUnit.SECONDS)
          .getCampaignStatus(GetCampaignStatusRequest.newBuilder().setCampaignId(id).build()));
      PrintWriter out = spec.commandLine().getOut();
      out.println(json ? Json.write(CampaignViews.toMap(status)) : CampaignViews.line(status));
      out.flush();
      return 0;
    } finally {
      channel.shutdownNow();
    }
  }
}
