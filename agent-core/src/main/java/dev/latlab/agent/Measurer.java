package dev.latlab.agent;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.NetworkBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times networks on one backend with one protocol (see {@link MeasurementProtocol} for the steps).
 * Each network is generated from its cell and the weight seed, loaded into a fresh session, and
 * closed afterwards; only the inference call is inside the timed region. Not thread-safe: timing two
 * networks at once on one machine would make both numbers wrong.
 */
public final class Measurer {
  /** A safety net for a warm-up time that a broken clock never reaches. */
  private static final int MAX_WARMUP_RUNS = 1_000_000;

  private final InferenceBackend backend;
  private final MeasurementProtocol protocol;
  private final NetworkSpec spec;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Supplier<Environment> environment;

  /**
   * Creates a measurer on the system clock that captures the real machine's environment.
   *
   * @param backend the runtime
   * @param protocol how to time
   * @param spec the network skeleton
   */
  public Measurer(InferenceBackend backend, MeasurementProtocol protocol, NetworkSpec spec) {
    this(backend, protocol, spec, Ticker.SYSTEM, Sleeper.SYSTEM, EnvironmentProbe.system()::capture);
  }

  /**
   * Creates a measurer on the system clock that records the environment a platform captures (the
   * Android agent adds the phone's battery and thermal state to what /proc and /sys tell).
   *
   * @param backend the runtime
   * @param protocol how to time
   * @param spec the network skeleton
   * @param environment captures the machine's state right after timing; must not throw
   */
  public Measurer(InferenceBackend backend, MeasurementProtocol protocol, NetworkSpec spec,
      Supplier<Environment> environment) {
    this(backend, protocol, spec, Ticker.SYSTEM, Sleeper.SYSTEM, environment);
  }

  // Visible for testing
  Measurer(InferenceBackend backend, MeasurementProtocol protocol, NetworkSpec spec, Ticker ticker,
      Sleeper sleeper, Supplier<Environment> environment) {
    this.backend = backend;
    this.protocol = protocol;
    this.spec = spec;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.environment = environment;
  }

  /**
   * Returns the protocol.
   *
   * @return the protocol
   */
  public MeasurementProtocol protocol() {
    return protocol;
  }

  /**
   * Returns the backend.
   *
   * @return the backend
   */
  public InferenceBackend backend() {
    return backend;
  }

  /**
   * Generates, loads and times the network of one cell.
   *
   * @param arch the cell
   * @return the measurement
   * @throws InterruptedException if interrupted during a pause
   * @throws IllegalStateException if the runtime fails
   */
  public Measurement measure(Arch arch) throws InterruptedException {
    long start = ticker.nanoTime();
    Network network = NetworkBuilder.build(arch, spec, protocol.weightSeed());
    long[][] rounds;
    try (LoadedModel model = backend.load(network)) {
      model.setInput(SeededInput.of(network.inputShape(), protocol.inputSeed()));
      rounds = time(model);
    }
    LatencyStatistics stats = LatencyStatistics.of(rounds);
    boolean early = stats.n() < protocol.maxRuns();
    return new Measurement(arch, spec, backend.identity(), protocol.identity(), stats,
        protocol.statistic().of(stats), rounds, early, ticker.nanoTime() - start,
        environment.get());
  }

  /**
   * Warms up and times a model that is already loaded and has its input set: the protocol's steps
   * without generating or loading the network. {@link #measure} uses it; benchmarks use it to compare
   * the agent's timing with a bare loop over the same session.
   *
   * @param model the loaded model
   * @return the timed runs, per round, in nanoseconds
   * @throws InterruptedException if interrupted during a pause
   */
  public long[][] time(LoadedModel model) throws InterruptedException {
    warmUp(model);
    return timeRounds(model);
  }

  private void warmUp(LoadedModel model) {
    long start = ticker.nanoTime();
    for (int runs = 0; runs < MAX_WARMUP_RUNS; runs++) {
      if (runs >= protocol.warmupRuns() && ticker.nanoTime() - start >= protocol.warmupNanos()) {
        return;
      }
      model.run();
    }
  }

  private long[][] timeRounds(LoadedModel model) throws InterruptedException {
    List<long[]> rounds = new ArrayList<>();
    int done = 0;
    while (done < protocol.maxRuns()) {
      if (done > 0 && protocol.pauseNanos() > 0) {
        sleeper.sleep(protocol.pauseNanos());
      }
      long[] round = timeRound(model, Math.min(protocol.runsPerRound(), protocol.maxRuns() - done));
      rounds.add(round);
      done += round.length;
      if (protocol.adaptive() && done >= protocol.minRuns() && precise(rounds)) {
        break;
      }
    }
    return rounds.toArray(new long[0][]);
  }

  private long[] timeRound(LoadedModel model, int runs) {
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = ticker.nanoTime();
      model.run();
      times[i] = ticker.nanoTime() - t0;
    }
    return times;
  }

  private boolean precise(List<long[]> rounds) {
    double[] all = rounds.stream().flatMapToLong(Arrays::stream).mapToDouble(v -> v)
        .sorted().toArray();
    double median = LatencyStatistics.percentile(all, 50);
    return LatencyStatistics.medianCiHalfWidth(all, median) <= protocol.targetHalfWidth();
  }
}
