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
import picocli.CommandLine.Option;

/** How a command reaches the collector (a picocli mixin): address, token, TLS. */
public final class ClientOptions {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @Option(names = "--collector", required = true, paramLabel = "HOST:PORT",
      description = "The collector's address, e.g. localhost:50051.")
  String collector;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the bearer token (tokens are never passed on the command line).")
  Path tokenFile;

  @Option(names = "--tls-ca", paramLabel = "FILE",
      description = "Use TLS and trust the collector certificate signed by this CA (PEM).")
  Path tlsCa;

  @Option(names = "--timeout", paramLabel = "S",
      description = "Deadline of each call in seconds. Default: ${DEFAULT-VALUE}.")
  long timeoutSeconds = 30;

  /**
   * Returns the collector address as given.
   *
   * @return HOST:PORT
   */
  public String address() {
    return collector;
  }

  /**
   * Returns the deadline for one call.
   *
   * @return seconds
   */
  public long timeoutSeconds() {
    return timeoutSeconds;
  }

  /**
   * Returns the token from {@code --token-file}.
   *
   * @return the token, or null without a file
   */
  public String token() {
    return TokenFile.read(tokenFile);
  }

  /**
   * Opens a channel to the collector; the bearer token rides on every call.
   *
   * @return the channel; the caller shuts it down
   * @throws UserException if the address, token file or CA file is bad
   */
  public ManagedChannel open() {
    HostPort.parse(collector);
    NettyChannelBuilder builder = NettyChannelBuilder.forTarget(collector)
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
    String token = token();
    if (token != null) {
      Metadata headers = new Metadata();
      headers.put(AUTHORIZATION, "Bearer " + token);
      builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return builder.build();
  }
}
