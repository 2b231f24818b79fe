package dev.latlab.cli.collector;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A few plaintext Netty channels to a collector on loopback, shared round-robin by the simulated
 * agents (each agent is one stream; a channel is one HTTP/2 connection). Callbacks run on the
 * channels' event loops (direct executor): the agents' work per message is tiny and never blocks,
 * and the CPU the collector under test competes with stays small.
 */
final class BenchChannels implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final List<ManagedChannel> channels;

  private BenchChannels(List<ManagedChannel> channels) {
    this.channels = channels;
  }

  /**
   * Opens {@code count} channels to {@code 127.0.0.1:port}.
   *
   * @param token the bearer token every call carries, or null
   */
  static BenchChannels open(int port, String token, int count) {
    List<ManagedChannel> channels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      NettyChannelBuilder builder = NettyChannelBuilder.forAddress("127.0.0.1", port)
          .usePlaintext().directExecutor();
      if (token != null) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
      }
      channels.add(builder.build());
    }
    return new BenchChannels(channels);
  }

  /** Returns the channel of the {@code i}-th agent. */
  Channel get(int i) {
    return channels.get(i % channels.size());
  }

  /** Returns how many channels there are. */
  int size() {
    return channels.size();
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
    for (ManagedChannel channel : channels) {
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
