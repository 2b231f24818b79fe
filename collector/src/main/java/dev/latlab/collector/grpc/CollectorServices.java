package dev.latlab.collector.grpc;

import dev.latlab.collector.DatasetExporter;
import dev.latlab.collector.Ticker;
import dev.latlab.collector.store.Store;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Internal: the collector's gRPC services with their scheduler and lease sweeper, wired for {@link
 * dev.latlab.collector.CollectorServer}. Public only so that the facade can reach it across
 * packages; not an API, use {@code CollectorServer}.
 */
public final class CollectorServices implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(CollectorServices.class.getName());

  private final Scheduler scheduler;
  private final SessionRegistry registry;
  private final Ticker ticker;
  private final Duration leaseTimeout;
  private final List<ServerServiceDefinition> services;
  private ScheduledExecutorService sweeper;

  private CollectorServices(Scheduler scheduler, SessionRegistry registry, Ticker ticker,
      Duration leaseTimeout, List<ServerServiceDefinition> services) {
    this.scheduler = scheduler;
    this.registry = registry;
    this.ticker = ticker;
    this.leaseTimeout = leaseTimeout;
    this.services = services;
  }

  /**
   * Wires the services; the arguments are checked by {@code CollectorServer.Builder}.
   *
   * @param store the storage (not closed here)
   * @param token the bearer token calls must carry, or null for none
   * @param exporter the dataset exporter, or null (ExportDataset is then UNIMPLEMENTED)
   * @param heartbeatInterval how often agents should send heartbeats
   * @param leaseTimeout silence after which a session ends and its leases expire
   * @param maxAttempts failures after which a job is failed for good
   * @param clock wall time
   * @param ticker monotonic time
   * @param callbacks where store completions continue (the server's executor)
   * @return the services, not started
   */
  public static CollectorServices create(Store store, String token, DatasetExporter exporter,
      Duration heartbeatInterval, Duration leaseTimeout, int maxAttempts, Clock clock,
      Ticker ticker, Executor callbacks) {
    Scheduler scheduler = new Scheduler(store, maxAttempts);
    SessionRegistry registry = new SessionRegistry();
    ResultIntake results = new ResultIntake(store, scheduler, clock, callbacks);
    SessionContext context = new SessionContext(store, scheduler, registry, results, clock,
        ticker, heartbeatInterval, leaseTimeout);
    AuthInterceptor auth = new AuthInterceptor(token);
    List<ServerServiceDefinition> services = List.of(
        ServerInterceptors.intercept(new AgentSessionService(context), auth),
        ServerInterceptors.intercept(new CampaignServiceImpl(store, scheduler, registry, clock,
            callbacks, exporter), auth));
    return new CollectorServices(scheduler, registry, ticker, leaseTimeout, services);
  }

  /**
   * Returns the services to add to a server.
   *
   * @return the agent session and campaign services, behind the authorization check
   */
  public List<ServerServiceDefinition> services() {
    return services;
  }

  /** Queues the store's open jobs and starts expiring silent sessions; call before serving. */
  public synchronized void start() {
    if (sweeper != null) {
      throw new IllegalStateException("already started");
    }
    scheduler.load();
    sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "latlab-lease-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(10, Math.min(1000, leaseTimeout.toMillis() / 10));
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Ends every open agent session with UNAVAILABLE, so that agents reconnect (to this collector
   * when it is back, or to another); their leases go back to the queue.
   *
   * @param reason one line for the agents
   */
  public void endSessions(String reason) {
    registry.endAll(Status.UNAVAILABLE.withDescription(reason));
  }

  /** Stops the lease sweeper. Sessions are ended by {@link #endSessions}. */
  @Override
  public synchronized void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      try {
        sweeper.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // Visible for testing: one pass of the sweeper.
  int expireSilentSessions() {
    return registry.expireSilent(ticker.nanoTime(), leaseTimeout.toNanos());
  }

  // Visible for testing.
  Scheduler scheduler() {
    return scheduler;
  }

  private void sweep() {
    try {
      int expired = expireSilentSessions();
      if (expired > 0) {
        logger.info("Expired " + expired + " silent sessions");
      }
    } catch (RuntimeException e) { // keep sweeping: a thrown exception would cancel the schedule
      logger.log(Level.WARNING, "Lease sweep failed", e);
    }
  }
}
