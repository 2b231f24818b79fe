package dev.latlab.cli.remote;

import dev.latlab.cli.UserException;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Channels to a collector over Netty, with keep-alive and the bearer token on every call. */
public final class Channels {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private Channels() {}

  /**
   * Opens a channel.
   *
   * @param address HOST:PORT
   * @param token the bearer token, or null
   * @param tlsCa the CA that signed the collector's certificate (PEM), or null for plaintext
   * @return the channel; the caller shuts it down
   * @throws UserException if the CA file cannot be used
   */
  public static ManagedChannel open(String address, String token, Path tlsCa) {
    // Keep-alive pings detect a dead connection while an agent idles between jobs.
    NettyChannelBuilder builder = NettyChannelBuilder.forTarget(address)
        .keepAliveTime(30, TimeUnit.SECONDS).maxInboundMessageSize(64 << 20);
    if (tlsCa == null) {
      builder.usePlaintext();
    } else {
      try {
        builder.sslContext(GrpcSslContexts.forClient().trustManager(tlsCa.toFile()).build());
      } catch (IOException | IllegalArgumentException e) {
        throw new UserException("cannot use CA file " + tlsCa + ": " + e.getMessage(), e);
      }
    }
    if (token != null) {
      Metadata headers = new Metadata();
      headers.put(AUTHORIZATION, "Bearer " + token);
      builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return builder.build();
  }
}
