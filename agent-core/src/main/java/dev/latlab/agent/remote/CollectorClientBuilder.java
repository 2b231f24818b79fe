package dev.latlab.agent.remote;

import static java.util.Objects.requireNonNull;

import dev.latlab.agent.Sleeper;
import dev.latlab.proto.v1.TargetDescription;
import io.grpc.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Configures a {@link CollectorClient}. Setters validate their argument; {@link #build()} checks
 * that the required values (target, description, executor) are set.
 */
public final class CollectorClientBuilder {
  private static final int MAX_JOBS_IN_FLIGHT = 64;
  private static final double JITTER = 0.2;

  private final Channel channel;
  private final ResultSpool spool;
  private String agentId;
  private String target;
  private TargetDescription description;
  private String agentVersion = "unknown";
  private String bearerToken;
  private JobExecutor executor;
  private int maxJobsInFlight = 1;
  private CollectorClient.Listener listener = new CollectorClient.Listener() {};
  private Duration initialBackoff = Duration.ofMillis(500);
  private Duration maxBackoff = Duration.ofSeconds(30);
  private Duration welcomeTimeout = Duration.ofSeconds(30);
  private Sleeper sleeper = Sleeper.SYSTEM;
  private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

  CollectorClientBuilder(Channel channel, ResultSpool spool) {
    this.channel = requireNonNull(channel, "channel");
    this.spool = requireNonNull(spool, "spool");
  }

  /**
   * The agent's stable id. If unset, defaults to the spool's {@link ResultSpool#agentId()}.
   *
   * @param id non-empty
   * @return this
   */
  public CollectorClientBuilder agentId(String id) {
    this.agentId = nonEmpty(id, "agentId");
    return this;
  }

  /**
   * The target this agent measures for. Required.
   *
   * @param target non-empty, e.g. {@code pixel7-tflite-xnnpack-1t}
   * @return this
   */
  public CollectorClientBuilder target(String target) {
    this.target = nonEmpty(target, "target");
    return this;
  }

  /**
   * What the target is. Required; see {@link ProtoMapping#describe}.
   *
   * @param description the description
   * @return this
   */
  public CollectorClientBuilder description(TargetDescription description) {
    this.description = requireNonNull(description, "description");
    return this;
  }

  /**
   * LatLab's version, sent in the Hello. If unset, defaults to {@code unknown}.
   *
   * @param version non-empty
   * @return this
   */
  public CollectorClientBuilder agentVersion(String version) {
    this.agentVersion = nonEmpty(version, "agentVersion");
    return this;
  }

  /**
   * The token sent as {@code authorization: Bearer <token>}. If unset, no header is sent.
   *
   * @param token printable ASCII without spaces
   * @return this
   * @throws IllegalArgumentException if the token is empty or has other characters
   */
  public CollectorClientBuilder bearerToken(String token) {
    nonEmpty(token, "bearerToken");
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) <= ' ' || token.charAt(i) > '~') {
        throw new IllegalArgumentException(
            "bearerToken must be printable ASCII without spaces (character " + i + ")");
      }
    }
    this.bearerToken = token;
    return this;
  }

  /**
   * What measures a job. Required; usually {@link JobExecutor#measuring}.
   *
   * @param executor the executor
   * @return this
   */
  public CollectorClientBuilder executor(JobExecutor executor) {
    this.executor = requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Jobs the collector may assign before earlier ones are done: one is measured, the others wait
   * in a queue of this size. If unset, defaults to 1 (one measurement at a time, nothing queued
   * whose lease would run while it waits).
   *
   * @param jobs 1 to 64
   * @return this
   */
  public CollectorClientBuilder maxJobsInFlight(int jobs) {
    if (jobs < 1 || jobs > MAX_JOBS_IN_FLIGHT) {
      throw new IllegalArgumentException(
          "maxJobsInFlight must be in 1.." + MAX_JOBS_IN_FLIGHT + ": " + jobs);
    }
    this.maxJobsInFlight = jobs;
    return this;
  }

  /**
   * Receives progress events. If unset, defaults to none.
   *
   * @param listener the listener
   * @return this
   */
  public CollectorClientBuilder listener(CollectorClient.Listener listener) {
    this.listener = requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Reconnect delays: the first, doubling up to the largest, each with +-20 % jitter. If unset,
   * defaults to 0.5 s and 30 s.
   *
   * @param initial the first delay, positive
   * @param max the largest delay, at least {@code initial}
   * @return this
   */
  public CollectorClientBuilder backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max: " + initial + ", "
          + max);
    }
    this.initialBackoff = initial;
    this.maxBackoff = max;
    return this;
  }

  /**
   * How long to wait for the collector's Welcome before reconnecting. If unset, defaults to 30 s.
   *
   * @param timeout positive
   * @return this
   */
  public CollectorClientBuilder welcomeTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("welcomeTimeout must be positive: " + timeout);
    }
    this.welcomeTimeout = timeout;
    return this;
  }

  // Visible for testing
  CollectorClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = requireNonNull(sleeper, "sleeper");
    return this;
  }

  // Visible for testing
  CollectorClientBuilder random(DoubleSupplier random) {
    this.random = requireNonNull(random, "random");
    return this;
  }

  /**
   * Returns the client, not yet started.
   *
   * @return the client
   * @throws IllegalStateException if the target, description or executor is unset
   * @throws UncheckedIOException if the agent id is unset and the spool's cannot be read
   */
  public CollectorClient build() {
    if (target == null || description == null || executor == null) {
      throw new IllegalStateException("target, description and executor are required");
    }
    Backoff backoff = new Backoff(initialBackoff.toNanos(), maxBackoff.toNanos(), JITTER, random);
    return new CollectorClient(new ClientSettings(channel, spool, resolvedAgentId(), target,
        description, agentVersion, bearerToken, executor, maxJobsInFlight, listener, backoff,
        welcomeTimeout, sleeper));
  }

  private String resolvedAgentId() {
    if (agentId != null) {
      return agentId;
    }
    try {
      return spool.agentId();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the agent id in " + spool.directory(), e);
    }
  }

  private static String nonEmpty(String value, String name) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }
}
