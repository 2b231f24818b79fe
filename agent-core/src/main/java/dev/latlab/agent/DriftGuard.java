package dev.latlab.agent;

import dev.latlab.nb201.Arch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Watches a sweep for drift: re-measures a fixed canary network every {@code every} networks and
 * flags the result set when the canary's latency moves more than {@code threshold} from its first
 * measurement; optionally waits before each network until the machine has cooled down (temperature
 * at most {@code maxTemperatureC}) and its clocks are back up (mean frequency at least {@code
 * minFrequencyRatio} of the maximum), up to {@code cooldownTimeoutNanos}.
 */
public final class DriftGuard {
  private static final Logger logger = Logger.getLogger(DriftGuard.class.getName());
  private static final long POLL_NANOS = 500_000_000L;

  /**
   * What the guard does.
   *
   * @param canary the canary cell
   * @param every re-measure the canary after this many networks; 0 turns the canary off
   * @param threshold relative drift that flags the result set, e.g. 0.05
   * @param maxTemperatureC wait while the hottest zone is above this; NaN turns it off
   * @param minFrequencyRatio wait while mean/max frequency is below this; NaN turns it off
   * @param cooldownTimeoutNanos give up waiting after this long and measure anyway
   */
  public record Options(Arch canary, int every, double threshold, double maxTemperatureC,
      double minFrequencyRatio, long cooldownTimeoutNanos) {
    /** Validates the values. */
    public Options {
      if (every < 0 || threshold <= 0 || cooldownTimeoutNanos < 0) {
        throw new IllegalArgumentException("drift guard: every >= 0, threshold > 0 and timeout >= 0");
      }
    }

    /**
     * Returns the defaults: canary index 1 every 50 networks, 5 % threshold, no cool-down wait.
     *
     * @return the defaults
     */
    public static Options defaults() {
      return new Options(Arch.fromIndex(1), 50, 0.05, Double.NaN, Double.NaN, 60_000_000_000L);
    }
  }

  /**
   * One canary measurement.
   *
   * @param afterNetworks networks measured before it
   * @param latencyMillis the canary's latency
   * @param drift relative change from the first canary measurement
   */
  public record CanaryCheck(int afterNetworks, double latencyMillis, double drift) {}

  private final Options options;
  private final Measurer measurer;
  private final Supplier<Environment> environment;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final List<CanaryCheck> checks = new ArrayList<>();
  private boolean warnedNoSensors;

  /**
   * Creates a guard.
   *
   * @param options what to do
   * @param measurer measures the canary with the sweep's backend and protocol
   * @param environment reads the machine's state for the cool-down wait
   * @param ticker clock for the cool-down timeout
   * @param sleeper waits between cool-down polls
   */
  public DriftGuard(Options options, Measurer measurer, Supplier<Environment> environment,
      Ticker ticker, Sleeper sleeper) {
    this.options = options;
    this.measurer = measurer;
    this.environment = environment;
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /**
   * Runs before each network: waits for cool-down if configured, then measures the canary when due
   * (before the first network, then every {@code every} networks).
   *
   * @param networksDone networks measured so far in this run
   * @return the drift of the latest canary check, NaN if the canary is off
   * @throws InterruptedException if interrupted while waiting or measuring
   */
  public double beforeNetwork(int networksDone) throws InterruptedException {
    coolDown();
    if (options.every() > 0 && networksDone % options.every() == 0) {
      checkCanary(networksDone);
    }
    return latestDrift();
  }

  /**
   * Runs after the last network: measures the canary once more if networks were measured since the
   * last check, so that drift in the final stretch is seen too.
   *
   * @param networksDone networks measured in this run
   * @throws InterruptedException if interrupted while measuring
   */
  public void afterLast(int networksDone) throws InterruptedException {
    boolean since = checks.isEmpty() || checks.get(checks.size() - 1).afterNetworks() < networksDone;
    if (options.every() > 0 && networksDone > 0 && since) {
      checkCanary(networksDone);
    }
  }

  /**
   * Returns every canary check so far.
   *
   * @return the checks, oldest first
   */
  public List<CanaryCheck> checks() {
    return List.copyOf(checks);
  }

  /**
   * Returns the largest absolute drift seen.
   *
   * @return relative drift, 0 if at most one check
   */
  public double maxAbsDrift() {
    return checks.stream().mapToDouble(c -> Math.abs(c.drift())).max().orElse(0);
  }

  /**
   * Returns whether the canary drifted beyond the threshold at some check.
   *
   * @return true if the result set should be distrusted
   */
  public boolean flagged() {
    return maxAbsDrift() > options.threshold();
  }

  private double latestDrift() {
    return checks.isEmpty() ? Double.NaN : checks.get(checks.size() - 1).drift();
  }

  private void checkCanary(int networksDone) throws InterruptedException {
    double latency = measurer.measure(options.canary()).latencyMillis();
    double drift = checks.isEmpty() ? 0 : latency / checks.get(0).latencyMillis() - 1;
    checks.add(new CanaryCheck(networksDone, latency, drift));
  }

  private void coolDown() throws InterruptedException {
    if (Double.isNaN(options.maxTemperatureC()) && Double.isNaN(options.minFrequencyRatio())) {
      return;
    }
    long start = ticker.nanoTime();
    while (!recovered(environment.get())) {
      if (ticker.nanoTime() - start >= options.cooldownTimeoutNanos()) {
        logger.warning("cool-down wait timed out; measuring anyway");
        return;
      }
      sleeper.sleep(POLL_NANOS);
    }
  }

  private boolean recovered(Environment env) {
    double temp = env.maxTemperatureC();
    double ratio = env.meanFrequencyMhz() / maxFrequency(env);
    boolean tempUnknown = !Double.isNaN(options.maxTemperatureC()) && Double.isNaN(temp);
    boolean freqUnknown = !Double.isNaN(options.minFrequencyRatio()) && Double.isNaN(ratio);
    if ((tempUnknown || freqUnknown) && !warnedNoSensors) {
      warnedNoSensors = true;
      logger.warning("this machine does not expose temperature or frequency; cool-down wait skipped");
    }
    boolean cool = Double.isNaN(options.maxTemperatureC()) || Double.isNaN(temp)
        || temp <= options.maxTemperatureC();
    boolean fast = Double.isNaN(options.minFrequencyRatio()) || Double.isNaN(ratio)
        || ratio >= options.minFrequencyRatio();
    return cool && fast;
  }

  private static double maxFrequency(Environment env) {
    return env.cpuMaxFrequenciesMhz().stream().mapToDouble(Double::doubleValue).average()
        .orElse(Double.NaN);
  }
}
