package dev.latlab.cli.collector;

import dev.latlab.cli.remote.Rpc;
import dev.latlab.nb201.Arch;
import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CreateCampaignRequest;
import io.grpc.Channel;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The campaign a benchmark run measures: at least the requested number of jobs, as the fewest
 * repeats (at most 100, the API's limit) of the first cells of the space. Created through the
 * campaign service, as the CLI would.
 */
final class BenchCampaign {
  /** Most jobs one campaign can have: every cell, 100 repeats. */
  static final int MAX_JOBS = Arch.COUNT * 100;

  private BenchCampaign() {}

  /** Returns the request for at least {@code results} jobs (at most {@link #MAX_JOBS}). */
  static CreateCampaignRequest request(String target, int results) {
    int repeats = (results + Arch.COUNT - 1) / Arch.COUNT;
    int cells = (results + repeats - 1) / repeats;
    return CreateCampaignRequest.newBuilder()
        .setTarget(target)
        .addAllArchIndices(IntStream.range(0, cells).boxed().toList())
        .setRepeats(repeats)
        .setLabel("latlab collector bench")
        .build();
  }

  /**
   * Creates the campaign; returns how many jobs it has.
   *
   * @throws dev.latlab.cli.UserException if the collector refuses it
   */
  static int create(Channel channel, String address, String target, int results) {
    CreateCampaignRequest request = request(target, results);
    Campaign campaign = Rpc.call(address, () -> CampaignServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(120, TimeUnit.SECONDS).createCampaign(request));
    return campaign.getCells() * campaign.getRepeats();
  }
}
