package dev.latlab.collector;

import dev.latlab.collector.grpc.CollectorServices;
import io.grpc.Server;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The LatLab collector: a gRPC server that holds agent sessions (leasing jobs, acknowledging
 * results once the store has made them durable) and serves campaign management to the CLI.
 *
 * <pre>{@code
 * try (CollectorServer server = CollectorServer.builder().store(store).token(token).build()) {
 *   server.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>The server does not own the store: close the store after the server.
 */
public final class CollectorServer implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(CollectorServer.class.getName());

  private final CollectorServices services;
  private final Transport transport;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final Duration shutdownTimeout;
  private final boolean authenticated;
  private final Object lock = new Object();
  private Server server; // @GuardedBy("lock")
  private boolean closed; // @GuardedBy("lock")

  CollectorServer(CollectorServerBuilder b) {
    this.ownedExecutor = b.executor == null ? newExecutor() : null;
    this.executor = b.executor == null ? ownedExecutor : b.executor;
    this.services = CollectorServices.create(b.store, b.token, b.exporter, b.heartbeatInterval,
        b.leaseTimeout, b.maxAttempts, b.clock, b.ticker, executor);
    this.transport = new Transport(b.bindAddress, b.port, b.certChain, b.privateKey,
        b.maxInboundMessageSize, b.keepAliveTime, b.permitKeepAliveTime);
    this.shutdownTimeout = b.shutdownTimeout;
    this.authenticated = b.token != null;
  }

  /**
   * Returns a builder with the defaults documented on its setters.
   *
   * @return a new builder
   */
  public static CollectorServerBuilder builder() {
    return new CollectorServerBuilder();
  }

  /**
   * Queues the store's open jobs and starts listening.
   *
   * @return this
   * @throws IOException if the address cannot be bound or the TLS files cannot be read; the
   *     server is then closed
   * @throws IllegalStateException if already started or closed
   */
  public CollectorServer start() throws IOException {
    synchronized (lock) {
      if (server != null || closed) {
        throw new IllegalStateException(closed ? "closed" : "already started");
      }
      if (!authenticated && transport.isPublic()) {
        logger.warning("The collector listens on " + transport.bindAddress()
            + " without a token: anyone who can reach it may submit results");
      }
      services.start();
      try {
        server = transport.build(executor, services.services()).start();
      } catch (IOException | RuntimeException e) {
        closed = true; // a server that failed to start is done: release its threads
        services.close();
        shutdownOwnedExecutor();
        throw e;
      }
      logger.info("Collector listening on " + transport.bindAddress() + ":" + server.getPort()
          + (transport.certChain() == null ? " (plaintext)" : " (TLS)"));
      return this;
    }
  }

  /**
   * Returns the port listened on, useful after binding port 0.
   *
   * @return the port
   * @throws IllegalStateException if not started
   */
  public int port() {
    synchronized (lock) {
      if (server == null) {
        throw new IllegalStateException("not started");
      }
      return server.getPort();
    }
  }

  /**
   * Stops accepting calls, ends every agent session with UNAVAILABLE (agents reconnect, to this
   * collector once it is back or to another) so their leases return to the queue, waits up to the
   * shutdown timeout for calls to finish, then cancels the rest. Idempotent.
   */
  @Override
  public void close() {
    Server running;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      running = server;
    }
    try {
      if (running != null) {
        running.shutdown();
        services.endSessions("the collector is shutting down; reconnect later");
        awaitTermination(running);
      }
    } finally {
      services.close();
      shutdownOwnedExecutor();
    }
  }

  private void shutdownOwnedExecutor() {
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }

  private void awaitTermination(Server running) {
    try {
      if (!running.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        running.shutdownNow();
        running.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ExecutorService newExecutor() {
    AtomicInteger count = new AtomicInteger();
    int threads = Math.max(4, Runtime.getRuntime().availableProcessors());
    return Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "latlab-collector-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
