package dev.latlab.cli.search;

import dev.latlab.cli.UserException;
import dev.latlab.cli.remote.DatasetDownload;
import dev.latlab.cli.remote.Rpc;
import dev.latlab.nb201.Arch;
import dev.latlab.predictor.search.ArchValues;
import dev.latlab.predictor.search.LatencyDevice;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CampaignServiceGrpc.CampaignServiceBlockingStub;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;
import io.grpc.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Live agents of a target as the search's device: each batch of cells becomes a campaign on the
 * collector, which its agents measure; the latencies are then read from the target's exported
 * dataset (a cell's row is the low median of all the target's results for it). A cell measured
 * once in this process is not sent again: its earlier result is reused.
 */
public final class CollectorDevice implements LatencyDevice {
  private static final long POLL_MILLIS = 200;
  /** How long a campaign may wait without any agent of the target before the search gives up. */
  private static final Duration NO_AGENT_GRACE = Duration.ofSeconds(30);

  private final Channel channel;
  private final String address;
  private final String target;
  private final Protocol protocol;
  private final NetworkOptions network;
  private final long callSeconds;
  private final Duration timeout;
  private final Map<Arch, Double> results = new HashMap<>();

  /**
   * Creates the device.
   *
   * @param channel a channel to the collector, with the bearer token; the caller closes it
   * @param address the collector's address, for messages
   * @param target the target whose agents measure
   * @param protocol how the agents time each network
   * @param network the network skeleton and weight seed
   * @param callSeconds deadline of each call
   * @param timeout most time to wait for one campaign
   */
  public CollectorDevice(Channel channel, String address, String target, Protocol protocol,
      NetworkOptions network, long callSeconds, Duration timeout) {
    this.channel = channel;
    this.address = address;
    this.target = target;
    this.protocol = protocol;
    this.network = network;
    this.callSeconds = callSeconds;
    this.timeout = timeout;
  }

  @Override
  public Map<Arch, Double> measure(List<Arch> cells) {
    List<Arch> todo = cells.stream().filter(c -> !results.containsKey(c)).distinct().toList();
    if (!todo.isEmpty()) {
      String id = createCampaign(todo);
      await(id);
      ArchValues latency = export();
      todo.forEach(c -> results.put(c, latency.get(c)));
    }
    Map<Arch, Double> measured = new LinkedHashMap<>();
    for (Arch c : cells) {
      if (!Double.isNaN(results.get(c))) {
        measured.put(c, results.get(c));
      }
    }
    return measured;
  }

  @Override
  public String describe() {
    return "target " + target + " via collector " + address;
  }

  private String createCampaign(List<Arch> cells) {
    CreateCampaignRequest.Builder request = CreateCampaignRequest.newBuilder().setTarget(target)
        .setRepeats(1).setLabel("search").setProtocol(protocol).setNetwork(network);
    cells.forEach(c -> request.addArchIndices(c.index()));
    return Rpc.call(address, () -> stub().createCampaign(request.build())).getId();
  }

  private void await(String id) {
    long start = System.nanoTime();
    try {
      while (true) {
        CampaignStatus s = Rpc.call(address, () -> stub().getCampaignStatus(
            GetCampaignStatusRequest.newBuilder().setCampaignId(id).build()));
        if (s.getState().equals("done")) {
          return;
        }
        long waited = System.nanoTime() - start;
        if (s.getAgentsConnected() == 0 && waited > NO_AGENT_GRACE.toNanos()) {
          throw new UserException("no agent of target " + target + " is connected to collector "
              + address + " (campaign " + id + " waits)");
        }
        if (waited > timeout.toNanos()) {
          throw new UserException("campaign " + id + " on target " + target + " did not finish in "
              + timeout.toSeconds() + " s (" + s.getDone() + "/" + s.getTotal() + " done)");
        }
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while waiting for campaign " + id, e);
    }
  }

  private ArchValues export() {
    return ArchValues.parse("dataset of target " + target,
        DatasetDownload.csv(channel, address, target, callSeconds), "latency_ms");
  }


  private CampaignServiceBlockingStub stub() {
    return CampaignServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(callSeconds, TimeUnit.SECONDS);
  }
}
