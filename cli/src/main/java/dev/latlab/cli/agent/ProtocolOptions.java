package dev.latlab.cli.agent;

import dev.latlab.agent.MeasurementProtocol;
import dev.latlab.agent.Statistic;
import dev.latlab.cli.UserException;
import picocli.CommandLine.Option;

/** How to time each network (a picocli mixin); defaults are {@link MeasurementProtocol#defaults()}. */
public final class ProtocolOptions {
  @Option(names = "--warmup-runs", paramLabel = "N",
      description = "Untimed runs before timing. Default: ${DEFAULT-VALUE}.")
  int warmupRuns = 10;

  @Option(names = "--warmup-seconds", paramLabel = "S",
      description = "Minimum warm-up time. Default: ${DEFAULT-VALUE}.")
  double warmupSeconds = 0.2;

  @Option(names = "--runs-per-round", paramLabel = "N",
      description = "Timed runs per round. Default: ${DEFAULT-VALUE}.")
  int runsPerRound = 10;

  @Option(names = "--min-runs", paramLabel = "N",
      description = "Adaptive stopping: timed runs before stopping may happen. "
          + "Default: ${DEFAULT-VALUE}.")
  int minRuns = 30;

  @Option(names = "--max-runs", paramLabel = "N",
      description = "Most timed runs. Default: ${DEFAULT-VALUE}.")
  int maxRuns = 300;

  @Option(names = "--ci", paramLabel = "FRACTION",
      description = "Adaptive stopping: stop once the 95%% confidence interval of the median has "
          + "this relative half-width (0.01 = 1%%); 0 times --max-runs runs. "
          + "Default: ${DEFAULT-VALUE}.")
  double ci = 0.01;

  @Option(names = "--fixed", paramLabel = "ROUNDSxRUNS",
      description = "A fixed protocol instead of adaptive stopping, e.g. 100x10 (LatBench's).")
  String fixed;

  @Option(names = "--pause-ms", paramLabel = "MS",
      description = "Pause between rounds. Default: ${DEFAULT-VALUE}.")
  long pauseMillis = 0;

  @Option(names = "--statistic", paramLabel = "STAT",
      description = "The latency reported: median, mean, min or latbench (LatBench's interquartile "
          + "mean of per-round interquartile means). Default: ${DEFAULT-VALUE}.")
  String statistic = "median";

  @Option(names = "--input-seed", paramLabel = "S",
      description = "Seed of the input values. Default: ${DEFAULT-VALUE}.")
  long inputSeed = 0;

  /**
   * Returns the protocol the options describe.
   *
   * @param weightSeed the seed of the network's weights
   * @return the protocol
   * @throws UserException naming the option if a value is invalid
   */
  public MeasurementProtocol protocol(long weightSeed) {
    try {
      MeasurementProtocol.Builder b = MeasurementProtocol.builder().warmupRuns(warmupRuns)
          .warmupNanos(Math.round(warmupSeconds * 1e9)).runsPerRound(runsPerRound)
          .adaptive(minRuns, maxRuns, ci).pauseNanos(pauseMillis * 1_000_000)
          .statistic(Statistic.fromCliName(statistic)).inputSeed(inputSeed).weightSeed(weightSeed);
      if (fixed != null) {
        int[] rr = parseFixed(fixed);
        b.fixed(rr[0], rr[1]);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UserException("invalid protocol: " + e.getMessage(), e);
    }
  }

  private static int[] parseFixed(String text) {
    String[] parts = text.split("x", -1);
    try {
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--fixed '" + text + "' must look like ROUNDSxRUNS, e.g. 100x10");
  }
}
