package dev.latlab.cli.remote;

import dev.latlab.cli.UserException;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CampaignServiceGrpc.CampaignServiceBlockingStub;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** How a command reaches the collector (a picocli mixin): address, token, TLS. */
public final class ClientOptions {
  @Option(names = "--collector", paramLabel = "HOST:PORT",
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
   * @return HOST:PORT, or null if not given
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
   * Runs one call of the campaign service on a fresh channel, with this command's deadline, and
   * shuts the channel down afterwards.
   *
   * @param <T> the response type
   * @param call the call, given a stub with the deadline set
   * @return the response
   * @throws UserException with the status code and description if the call fails
   */
  public <T> T campaigns(Function<CampaignServiceBlockingStub, T> call) {
    ManagedChannel channel = open();
    try {
      return Rpc.call(collector, () -> call.apply(CampaignServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)));
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * Opens a channel to the collector; the bearer token rides on every call.
   *
   * @return the channel; the caller shuts it down
   * @throws UserException if the address, token file or CA file is bad
   */
  public ManagedChannel open() {
    if (collector == null) {
      throw new UserException("--collector HOST:PORT is required");
    }
    HostPort.parse(collector);
    return Channels.open(collector, token(), tlsCa);
  }
}
