package dev.latlab.collector;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Where and how the collector listens. Netty is used for what the generic {@code ServerBuilder}
 * cannot do: bind to one address.
 *
 * @param bindAddress host name or address to listen on
 * @param port TCP port, 0 for an ephemeral one
 * @param certChain PEM certificate chain, or null for plaintext
 * @param privateKey PEM private key, or null for plaintext
 * @param maxInboundMessageSize largest message accepted, in bytes
 * @param keepAliveTime how long a connection may be idle before the server pings it
 * @param permitKeepAliveTime how often clients may ping
 */
record Transport(String bindAddress, int port, Path certChain, Path privateKey,
    int maxInboundMessageSize, Duration keepAliveTime, Duration permitKeepAliveTime) {

  /** How long the server waits for a ping's answer before dropping the connection. */
  static final Duration KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(20);

  /** Returns whether the collector is reachable from other machines. */
  boolean isPublic() {
    InetSocketAddress address = new InetSocketAddress(bindAddress, port);
    return address.isUnresolved() || !address.getAddress().isLoopbackAddress();
  }

  /** Builds the server, not started. Reads the TLS files if configured. */
  Server build(Executor executor, List<ServerServiceDefinition> services) throws IOException {
    ServerCredentials credentials = certChain == null
        ? InsecureServerCredentials.create()
        : TlsServerCredentials.create(certChain.toFile(), privateKey.toFile());
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(new InetSocketAddress(bindAddress, port), credentials)
        .executor(executor)
        .maxInboundMessageSize(maxInboundMessageSize)
        .keepAliveTime(keepAliveTime.toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(KEEP_ALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveTime(permitKeepAliveTime.toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveWithoutCalls(true);
    services.forEach(builder::addService);
    return builder.build();
  }
}
