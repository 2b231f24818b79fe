package dev.latlab.cli.agent;

import dev.latlab.agent.DriftGuard;
import dev.latlab.agent.EnvironmentProbe;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.Measurement;
import dev.latlab.agent.Measurer;
import dev.latlab.agent.Sleeper;
import dev.latlab.agent.Sweep;
import dev.latlab.agent.SweepCsv;
import dev.latlab.agent.Ticker;
import dev.latlab.cli.ArchConverter;
import dev.latlab.cli.ArchSetOption;
import dev.latlab.cli.NetworkOptions;
import dev.latlab.cli.Progress;
import dev.latlab.cli.UserException;
import dev.latlab.nb201.Arch;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab agent sweep}: measure a set of cells into a resumable CSV. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure a set of cells into a LatBench-style CSV (arch_index,arch_str,arch_vector,"
          + "latency_ms, then the statistics, the machine's state, the conditions and the raw "
          + "samples). Each row is written and forced to disk as soon as it is measured; run the "
          + "same command again to resume after Ctrl-C or a kill. Cells are measured in a shuffled "
          + "order, and a canary network is re-measured every --canary-every networks to detect "
          + "drift.",
      ""
    })
final class AgentSweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ArchSetOption archs;

  @Option(names = "--out", required = true, paramLabel = "FILE.csv",
      description = "The result CSV; resumed if it exists.")
  Path out;

  @Mixin BackendOptions backend;
  @Mixin ProtocolOptions protocol;
  @Mixin NetworkOptions network;

  @Option(names = "--shuffle-seed", paramLabel = "S",
      description = "Seed of the measuring order. Default: ${DEFAULT-VALUE}.")
  long shuffleSeed = 0;

  @Option(names = "--no-shuffle", description = "Measure in the order of the set.")
  boolean noShuffle;

  @Option(names = "--canary", paramLabel = "ARCH", converter = ArchConverter.class,
      description = "The canary cell. Default: 1.")
  Arch canary = Arch.fromIndex(1);

  @Option(names = "--canary-every", paramLabel = "K",
      description = "Re-measure the canary every K networks; 0 turns it off. "
          + "Default: ${DEFAULT-VALUE}.")
  int canaryEvery = 50;

  @Option(names = "--drift-threshold", paramLabel = "FRACTION",
      description = "Canary drift that flags the result set. Default: ${DEFAULT-VALUE}.")
  double driftThreshold = 0.05;

  @Option(names = "--cooldown-temp", paramLabel = "CELSIUS",
      description = "Before each network, wait until the hottest thermal zone is at most this.")
  Double cooldownTemp;

  @Option(names = "--cooldown-freq", paramLabel = "FRACTION",
      description = "Before each network, wait until the mean CPU frequency is at least this "
          + "fraction of the maximum.")
  Double cooldownFreq;

  @Option(names = "--cooldown-timeout", paramLabel = "S",
      description = "Longest cool-down wait. Default: ${DEFAULT-VALUE}.")
  double cooldownTimeout = 60;

  @Override
  public Integer call() throws InterruptedException {
    List<Arch> cells = archs.cells();
    InferenceBackend runtime = backend.create();
    network.requireSupportedBy(runtime);
    Measurer measurer = new Measurer(runtime, protocol.protocol(network.seed()), network.spec());
    Sweep sweep = new Sweep(measurer, guard(measurer));
    List<String> conditions = List.of(runtime.identity(), measurer.protocol().identity(),
        network.spec().identity(), EnvironmentProbe.system().capture().fingerprint());
    long start = System.nanoTime();
    Sweep.Summary summary;
    try (SweepCsv csv = openCsv(conditions); ProgressListener progress = new ProgressListener()) {
      summary = sweep.run(cells, csv, noShuffle ? null : shuffleSeed, progress);
    }
    // Printed once the progress bar is closed, so the two do not interleave.
    print(summary, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private DriftGuard guard(Measurer measurer) {
    try {
      DriftGuard.Options options = new DriftGuard.Options(canary, canaryEvery, driftThreshold,
          cooldownTemp == null ? Double.NaN : cooldownTemp,
          cooldownFreq == null ? Double.NaN : cooldownFreq, Math.round(cooldownTimeout * 1e9));
      return new DriftGuard(options, measurer, EnvironmentProbe.system()::capture, Ticker.SYSTEM,
          Sleeper.SYSTEM);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private SweepCsv openCsv(List<String> conditions) {
    try {
      return SweepCsv.open(out, conditions);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private void print(Sweep.Summary s, double seconds) {
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "measured %d cells into %s in %.1f s (%d were there already)%n",
        s.measured(), out, seconds, s.skipped());
    if (!s.canaryChecks().isEmpty()) {
      w.printf(Locale.ROOT, "canary %s: %d checks, max drift %.2f%%%s%n", canary.vector(),
          s.canaryChecks().size(), 100 * s.maxAbsDrift(), s.flagged()
              ? " -- FLAGGED: above " + 100 * driftThreshold + "%, distrust this result set"
              : "");
    }
    w.flush();
  }

  /** Shows a progress bar (done/total, rate, ETA) while the sweep runs. */
  private static final class ProgressListener implements Sweep.Listener, AutoCloseable {
    private Progress bar = Progress.NONE;

    @Override
    public void started(int toMeasure, int alreadyDone) {
      bar = Progress.start("sweep", toMeasure);
    }

    @Override
    public void measured(Measurement m) {
      bar.step();
    }

    @Override
    public void close() {
      bar.close();
      bar = Progress.NONE;
    }
  }
}
