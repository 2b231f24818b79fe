package dev.latlab.collector;

import static java.util.Objects.requireNonNull;

import dev.latlab.collector.dataset.DatasetExport;
import dev.latlab.collector.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/** Builds a {@link CollectorServer}; every setter validates and documents its default. */
public final class CollectorServerBuilder {
  /** The port listened on if unset. */
  public static final int DEFAULT_PORT = 50051;

  // Package-private: CollectorServer copies them when built.
  Store store;
  int port = DEFAULT_PORT;
  String bindAddress = "0.0.0.0";
  String token;
  Path certChain;
  Path privateKey;
  Duration heartbeatInterval = Duration.ofSeconds(5);
  Duration leaseTimeout = Duration.ofSeconds(30);
  int maxAttempts = 3;
  Executor executor;
  int maxInboundMessageSize = 16 << 20;
  Duration keepAliveTime = Duration.ofMinutes(1);
  Duration permitKeepAliveTime = Duration.ofSeconds(20);
  Duration shutdownTimeout = Duration.ofSeconds(5);
  Clock clock = Clock.systemUTC();
  Ticker ticker = Ticker.SYSTEM;
  DatasetExporter exporter;

  CollectorServerBuilder() {}

  /**
   * Where campaigns, jobs, results and agents are kept. Required. Not closed by the server.
   *
   * @param store the store
   * @return this
   */
  public CollectorServerBuilder store(Store store) {
    this.store = requireNonNull(store, "store");
    return this;
  }

  /**
   * TCP port to listen on; 0 picks a free one (see {@link CollectorServer#port()}). If unset,
   * defaults to {@value #DEFAULT_PORT}.
   *
   * @param port 0..65535
   * @return this
   * @throws IllegalArgumentException if out of range
   */
  public CollectorServerBuilder port(int port) {
    check(port >= 0 && port <= 65535, "port must be 0..65535: " + port);
    this.port = port;
    return this;
  }

  /**
   * Host name or address to listen on. If unset, defaults to {@code 0.0.0.0} (every interface):
   * agents on phones and boards dial in from other machines, so a loopback default would only
   * work for the demo. Use {@code 127.0.0.1} for a local-only collector; set a token (and TLS)
   * whenever it is reachable from a network.
   *
   * @param host e.g. {@code 127.0.0.1}
   * @return this
   * @throws IllegalArgumentException if blank
   */
  public CollectorServerBuilder bindAddress(String host) {
    check(host != null && !host.isBlank(), "bindAddress must not be blank");
    this.bindAddress = host;
    return this;
  }

  /**
   * The bearer token every call must carry ({@code authorization: Bearer <token>}). If unset or
   * null, calls need no token.
   *
   * @param token visible ASCII, no spaces, or null
   * @return this
   * @throws IllegalArgumentException if empty or not visible ASCII
   */
  public CollectorServerBuilder token(String token) {
    check(token == null || token.matches("[\\x21-\\x7e]+"),
        "token must be non-empty visible ASCII without spaces");
    this.token = token;
    return this;
  }

  /**
   * Serves TLS with this PEM certificate chain and PEM (PKCS#8) private key. If unset, plaintext.
   *
   * @param certChain readable certificate chain file
   * @param privateKey readable private key file
   * @return this
   * @throws IllegalArgumentException if a file is not readable
   */
  public CollectorServerBuilder tls(Path certChain, Path privateKey) {
    check(certChain != null && Files.isReadable(certChain),
        "TLS certificate chain is not a readable file: " + certChain);
    check(privateKey != null && Files.isReadable(privateKey),
        "TLS private key is not a readable file: " + privateKey);
    this.certChain = certChain;
    this.privateKey = privateKey;
    return this;
  }

  /**
   * How often agents are told to send a heartbeat while measuring. If unset, defaults to 5 s.
   *
   * @param interval positive, and below the lease timeout
   * @return this
   * @throws IllegalArgumentException if not positive
   */
  public CollectorServerBuilder heartbeatInterval(Duration interval) {
    this.heartbeatInterval = positive(interval, "heartbeatInterval");
    return this;
  }

  /**
   * Silence after which a session is closed (UNAVAILABLE) and its leases expire, putting its jobs
   * back in the queue. If unset, defaults to 30 s.
   *
   * @param timeout positive, and above the heartbeat interval
   * @return this
   * @throws IllegalArgumentException if not positive
   */
  public CollectorServerBuilder leaseTimeout(Duration timeout) {
    this.leaseTimeout = positive(timeout, "leaseTimeout");
    return this;
  }

  /**
   * Attempts a job gets: an agent's failure report of attempt {@code n < maxAttempts} queues the
   * job again; at {@code maxAttempts} it is failed for good. Every lease counts as an attempt.
   * If unset, defaults to 3.
   *
   * @param attempts at least 1
   * @return this
   * @throws IllegalArgumentException if below 1
   */
  public CollectorServerBuilder maxAttempts(int attempts) {
    check(attempts >= 1, "maxAttempts must be at least 1: " + attempts);
    this.maxAttempts = attempts;
    return this;
  }

  /**
   * Runs gRPC callbacks and store completions; should be bounded. Owned by the caller, who shuts
   * it down after the server. If unset, a fixed pool of max(4, cores) daemon threads owned by the
   * server.
   *
   * @param executor the executor
   * @return this
   */
  public CollectorServerBuilder executor(Executor executor) {
    this.executor = requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Largest message accepted. If unset, defaults to 16 MiB.
   *
   * @param bytes at least 1 KiB
   * @return this
   * @throws IllegalArgumentException if below 1 KiB
   */
  public CollectorServerBuilder maxInboundMessageSize(int bytes) {
    check(bytes >= 1024, "maxInboundMessageSize must be at least 1024: " + bytes);
    this.maxInboundMessageSize = bytes;
    return this;
  }

  /**
   * Idle time after which the server pings a connection to find dead agents (answer due within
   * 20 s). If unset, defaults to 1 min.
   *
   * @param time positive
   * @return this
   * @throws IllegalArgumentException if not positive
   */
  public CollectorServerBuilder keepAliveTime(Duration time) {
    this.keepAliveTime = positive(time, "keepAliveTime");
    return this;
  }

  /**
   * Shortest interval at which clients may send keep-alive pings (more often closes the
   * connection). If unset, defaults to 20 s, which lets agents behind NAT keep their stream open.
   *
   * @param time zero or more
   * @return this
   * @throws IllegalArgumentException if negative
   */
  public CollectorServerBuilder permitKeepAliveTime(Duration time) {
    check(time != null && !time.isNegative(), "permitKeepAliveTime must be >= 0: " + time);
    this.permitKeepAliveTime = time;
    return this;
  }

  /**
   * How long {@link CollectorServer#close()} waits for calls to finish before cancelling them
   * (twice at most). If unset, defaults to 5 s.
   *
   * @param timeout zero or more
   * @return this
   * @throws IllegalArgumentException if negative
   */
  public CollectorServerBuilder shutdownTimeout(Duration timeout) {
    check(timeout != null && !timeout.isNegative(), "shutdownTimeout must be >= 0: " + timeout);
    this.shutdownTimeout = timeout;
    return this;
  }

  /**
   * Wall clock for timestamps (creation, last seen, stored at). If unset, the system UTC clock.
   *
   * @param clock the clock
   * @return this
   */
  public CollectorServerBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Monotonic clock for session silence and lease expiry. If unset, {@link Ticker#SYSTEM}.
   *
   * @param ticker the ticker
   * @return this
   */
  public CollectorServerBuilder ticker(Ticker ticker) {
    this.ticker = requireNonNull(ticker, "ticker");
    return this;
  }

  /**
   * Serves {@code ExportDataset} with this exporter. If unset, defaults to the dataset package's
   * formats (csv, json, latbench-pickle) over the store's results.
   *
   * @param exporter the exporter
   * @return this
   */
  public CollectorServerBuilder datasetExporter(DatasetExporter exporter) {
    this.exporter = requireNonNull(exporter, "exporter");
    return this;
  }

  /**
   * Returns the server, not started.
   *
   * @return the server
   * @throws IllegalStateException if no store is set, or the lease timeout does not exceed the
   *     heartbeat interval
   */
  public CollectorServer build() {
    if (store == null) {
      throw new IllegalStateException("store is required");
    }
    if (leaseTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalStateException("leaseTimeout (" + leaseTimeout
          + ") must exceed heartbeatInterval (" + heartbeatInterval + ")");
    }
    if (exporter == null) {
      Store results = store;
      exporter = (target, format, fill) ->
          DatasetExport.export(results.results(target), format, fill);
    }
    return new CollectorServer(this);
  }

  private static Duration positive(Duration duration, String name) {
    check(duration != null && !duration.isNegative() && !duration.isZero(),
        name + " must be positive: " + duration);
    return duration;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
