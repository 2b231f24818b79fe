package dev.latlab.cli.search;

import dev.latlab.agent.remote.ProtoMapping;
import dev.latlab.cli.UserException;
import dev.latlab.cli.agent.ProtocolOptions;
import dev.latlab.cli.remote.ClientOptions;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.predictor.latency.LatencyModelFile;
import dev.latlab.predictor.latency.LatencyPredictor;
import dev.latlab.predictor.search.ArchValues;
import dev.latlab.predictor.search.LatencyEstimator;
import dev.latlab.predictor.search.LatencyLimit;
import dev.latlab.predictor.search.MeasurementPlan;
import dev.latlab.predictor.search.OpCountLatencyEstimator;
import dev.latlab.predictor.search.Optimum;
import dev.latlab.predictor.search.PredictorLatencyEstimator;
import dev.latlab.predictor.search.TableDevice;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The latency limit and its source (a picocli mixin of {@code latlab search}). */
final class LatencyOptions {
  static final int DEFAULT_MEASURE_BUDGET = 50;

  @Option(names = "--max-latency-ms", paramLabel = "L",
      description = "Latency limit: the answer must run in at most L ms on the target. Needs one "
          + "of --device-table, --collector or --latency-model.")
  Double maxLatencyMs;

  @Option(names = "--device-table", paramLabel = "FILE:COL",
      description = "A latency table (ms) standing in for the device: reading a cell's latency "
          + "is a measurement. Cells without a value cannot be answers.")
  String deviceTable;

  @Mixin ClientOptions client;

  @Option(names = "--target", paramLabel = "T",
      description = "With --collector: the target whose agents measure the candidates.")
  String target;

  @Option(names = "--latency-model", paramLabel = "MODEL",
      description = "A trained latency model of the target; nothing is measured, so the answer "
          + "is NOT verified (the output says so).")
  Path latencyModel;

  @Option(names = "--measure-budget", paramLabel = "M",
      description = "Latency measurements per run (device table or collector). Default: "
          + DEFAULT_MEASURE_BUDGET + ".")
  Integer measureBudget;

  @Option(names = "--initial-measurements", paramLabel = "N",
      description = "Cells measured before the first query, spread over the FLOPs range, to fit "
          + "the latency estimator (at most half the measure budget). Default: ${DEFAULT-VALUE}.")
  int initialMeasurements = MeasurementPlan.DEFAULT_INITIAL;

  @Option(names = "--screen-margin", paramLabel = "FRACTION",
      description = "Unmeasured cells are queried only if estimated at most L * (1 + FRACTION). "
          + "Default: ${DEFAULT-VALUE}.")
  double screenMargin = MeasurementPlan.DEFAULT_SCREEN_MARGIN;

  @Option(names = "--measure-timeout", paramLabel = "S",
      description = "With --collector: most seconds to wait for one batch of measurements. "
          + "Default: ${DEFAULT-VALUE}.")
  long measureTimeoutSeconds = 600;

  @Mixin ProtocolOptions protocol;

  /** Checks the combination of options before anything is read. */
  void check() {
    long sources = Stream.of(deviceTable, client.address(), latencyModel)
        .filter(o -> o != null).count();
    if (sources > 1) {
      throw new UserException("give one latency source: --device-table, --collector or "
          + "--latency-model");
    }
    if (maxLatencyMs == null && sources > 0) {
      throw new UserException("a latency source needs --max-latency-ms L");
    }
    if (maxLatencyMs != null && sources == 0) {
      throw new UserException("--max-latency-ms needs a latency source: --device-table FILE:COL, "
          + "--collector HOST:PORT --target T or --latency-model MODEL");
    }
    if (maxLatencyMs != null && !(maxLatencyMs > 0 && Double.isFinite(maxLatencyMs))) {
      throw new UserException("--max-latency-ms must be a positive number: " + maxLatencyMs);
    }
    if ((client.address() == null) != (target == null)) {
      throw new UserException(target == null ? "--collector needs --target T"
          : "--target needs --collector HOST:PORT");
    }
    if (measureBudget != null && deviceTable == null && client.address() == null) {
      throw new UserException("--measure-budget needs --device-table or --collector");
    }
    plan();
  }

  /** Resolves the options; {@link #check()} passed. */
  LatencySetup resolve(ArchValues accuracy) {
    if (maxLatencyMs == null) {
      return LatencySetup.none();
    }
    if (deviceTable != null) {
      return table(accuracy);
    }
    if (latencyModel != null) {
      return model(accuracy);
    }
    return collector();
  }

  private LatencySetup table(ArchValues accuracy) {
    int colon = deviceTable.lastIndexOf(':');
    if (colon <= 0 || colon == deviceTable.length() - 1) {
      throw new UserException("--device-table '" + deviceTable + "' must look like FILE:COLUMN");
    }
    ArchValues table = ArchValues.read(Path.of(deviceTable.substring(0, colon)),
        deviceTable.substring(colon + 1));
    if (Optimum.best(accuracy, accuracy, table, maxLatencyMs) == null) {
      throw new UserException(String.format(Locale.ROOT, "no cell of %s meets %s ms "
          + "(the fastest candidate takes %.4f ms)", table.name(), limitText(),
          fastest(accuracy, table)));
    }
    LatencyLimit limit = LatencyLimit.measured(maxLatencyMs, new TableDevice(table), plan(),
        OpCountLatencyEstimator::new);
    return new LatencySetup(limit, "device-table", table.name(), table, null, plan().budget(),
        null);
  }

  private LatencySetup model(ArchValues accuracy) {
    if (!Files.isRegularFile(latencyModel)) {
      throw new UserException("--latency-model: no such file " + latencyModel);
    }
    LatencyPredictor predictor;
    try {
      predictor = LatencyModelFile.read(latencyModel);
    } catch (UnsupportedOperationException e) {
      throw new UserException("--latency-model: this build cannot read latency models yet", e);
    } catch (IllegalArgumentException e) {
      throw new UserException("--latency-model " + latencyModel + ": " + e.getMessage(), e);
    }
    LatencyEstimator estimator = new PredictorLatencyEstimator(predictor);
    double fastest = Arch.all().stream().filter(accuracy::has)
        .mapToDouble(estimator::predictMs).min().orElse(Double.NaN);
    if (!(fastest <= maxLatencyMs)) {
      throw new UserException(String.format(Locale.ROOT, "no cell meets %s ms by %s (the "
          + "fastest is predicted at %.4f ms)", limitText(), latencyModel, fastest));
    }
    return new LatencySetup(LatencyLimit.estimated(maxLatencyMs, estimator), "latency-model",
        latencyModel.toString(), null, estimator, null, null);
  }

  private LatencySetup collector() {
    ManagedChannel channel = client.open();
    CollectorDevice device = new CollectorDevice(channel, client.address(), target,
        ProtoMapping.toProto(protocol.protocol(0)),
        ProtoMapping.toNetworkOptions(NetworkSpec.CIFAR10, 0), client.timeoutSeconds(),
        Duration.ofSeconds(measureTimeoutSeconds));
    LatencyLimit limit = LatencyLimit.measured(maxLatencyMs, device, plan(),
        OpCountLatencyEstimator::new);
    return new LatencySetup(limit, "collector", device.describe(), null, null, plan().budget(),
        channel);
  }

  private MeasurementPlan plan() {
    try {
      return new MeasurementPlan(measureBudget == null ? DEFAULT_MEASURE_BUDGET : measureBudget,
          initialMeasurements, screenMargin);
    } catch (IllegalArgumentException e) {
      throw new UserException("invalid measurement option: " + e.getMessage(), e);
    }
  }

  private String limitText() {
    return String.format(Locale.ROOT, "%s", maxLatencyMs);
  }

  private static double fastest(ArchValues accuracy, ArchValues table) {
    return Arch.all().stream().filter(a -> accuracy.has(a) && table.has(a))
        .mapToDouble(table::get).min().orElse(Double.NaN);
  }
}
