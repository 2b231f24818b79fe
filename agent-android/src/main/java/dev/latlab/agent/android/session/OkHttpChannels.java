package dev.latlab.agent.android.session;

import io.grpc.ManagedChannel;
import io.grpc.okhttp.OkHttpChannelBuilder;
import java.util.concurrent.TimeUnit;

/** Channels to a collector over gRPC's OkHttp transport, the one gRPC supports on Android. */
final class OkHttpChannels {
  /** Results carry raw samples; the collector's answers are small. */
  private static final int MAX_INBOUND_BYTES = 4 << 20;

  /** Phones drop idle connections (NAT, Wi-Fi power save); a ping shows a dead one early. */
  private static final long KEEP_ALIVE_SECONDS = 30;

  private OkHttpChannels() {}

  /**
   * Opens a channel to the collector the settings name.
   *
   * @param settings host, port and TLS
   * @return the channel; the caller shuts it down
   */
  static ManagedChannel open(AgentSettings settings) {
    OkHttpChannelBuilder builder = OkHttpChannelBuilder.forAddress(settings.host(),
        settings.port())
        .keepAliveTime(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS)
        .maxInboundMessageSize(MAX_INBOUND_BYTES);
    if (settings.tls()) {
      builder.useTransportSecurity();
    } else {
      builder.usePlaintext();
    }
    return builder.build();
  }
}
