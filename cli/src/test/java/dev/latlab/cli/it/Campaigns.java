package dev.latlab.cli.it;

import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import dev.latlab.proto.v1.Protocol;
import io.grpc.Channel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Campaign calls of the ITs, over the same kind of channel the CLI uses. */
final class Campaigns {
  private static final long DEADLINE_SECONDS = 10;

  private Campaigns() {}

  /**
   * Returns a fixed protocol: one untimed run, no minimum warm-up time, {@code rounds x runs}
   * timed runs, median.
   *
   * @param rounds rounds
   * @param runs runs per round
   * @return the protocol
   */
  static Protocol fixed(int rounds, int runs) {
    return Protocol.newBuilder().setWarmupRuns(1).setWarmupNanos(0).setRunsPerRound(runs)
        .setMinRuns(rounds * runs).setMaxRuns(rounds * runs).setTargetHalfWidth(0)
        .setStatistic("median").build();
  }

  /**
   * Creates a campaign of one repeat per cell on the default CIFAR-10 network.
   *
   * @return its id
   */
  static String create(Channel channel, String target, List<Integer> cells, Protocol protocol) {
    return stub(channel).createCampaign(CreateCampaignRequest.newBuilder().setTarget(target)
        .addAllArchIndices(cells).setRepeats(1).setProtocol(protocol).setLabel("it").build())
        .getId();
  }

  /**
   * Returns a campaign's status; waits for the channel to be ready (a collector restarting).
   *
   * @return the status
   */
  static CampaignStatus status(Channel channel, String id) {
    return stub(channel).withWaitForReady().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(id).build());
  }

  /**
   * Waits until the campaign is done.
   *
   * @return its final status
   */
  static CampaignStatus awaitDone(Channel channel, String id, Duration timeout)
      throws InterruptedException {
    return Poll.until("campaign " + id + " to be done", timeout, () -> status(channel, id),
        s -> s.getState().equals("done"));
  }

  private static CampaignServiceGrpc.CampaignServiceBlockingStub stub(Channel channel) {
    return CampaignServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }
}
