package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.gcn.GcnOptions;
import dev.latlab.predictor.gcn.NamedTensor;
import dev.latlab.proto.v1.LatencyPredictorFile;
import java.util.List;

/**
 * What the two trained network models share: targets in log space through a {@link TargetScale},
 * few-shot transfer (pre-train on other devices, then adapt), predictions mapped back to
 * milliseconds, and saving. A subclass supplies the network.
 */
abstract class NetworkModel implements TrainedModel {
  /** Trains one phase of a network on normalised targets. */
  interface Phase<R> {
    R train(List<Arch> x, float[] y, List<Arch> validX, float[] validY, GcnOptions options,
        R init, dev.latlab.predictor.gcn.TrainingListener listener);
  }

  /** A trained network with the scale its targets had. */
  record Fitted<R>(R network, TargetScale scale) {}

  final TargetScale scale;
  final ModelOptions options;

  NetworkModel(TargetScale scale, ModelOptions options) {
    this.scale = scale;
    this.options = options;
  }

  /**
   * Trains a network, pre-training it first when other devices' data is given.
   *
   * @param phase trains one phase
   * @param train the device's training cells
   * @param valid its validation cells; may be empty
   * @param pretrain other devices' data, or empty
   * @param options hyper-parameters
   * @param seed reproducibility
   * @param listener hears about epochs
   * @param <R> the network type
   * @return the network and its target scale
   */
  static <R> Fitted<R> fit(Phase<R> phase, LatencyData train, LatencyData valid,
      List<LatencyData> pretrain, ModelOptions options, long seed, TrainingListener listener) {
    R init = null;
    if (!pretrain.isEmpty()) {
      PretrainSet set = PretrainSet.of(pretrain, options.pretrainCells(), options.linearSkip(),
          seed);
      init = phase.train(set.train(), set.trainY(), set.valid(), set.validY(),
          options.toGcnOptions(options.epochs()), null, listener("pretrain", listener));
    }
    TargetScale scale = TargetScale.fit(train.archs(), train.values(), options.linearSkip());
    int epochs = init == null ? options.epochs() : options.adaptEpochs();
    R network = phase.train(train.archs(), scale.normalise(train.archs(), train.values()),
        valid.archs(), scale.normalise(valid.archs(), valid.values()),
        options.toGcnOptions(epochs), init, listener(init == null ? "train" : "adapt", listener));
    return new Fitted<>(network, scale);
  }

  private static dev.latlab.predictor.gcn.TrainingListener listener(String phase,
      TrainingListener listener) {
    return r -> listener.epoch(phase, r.epoch(), r.maxEpochs(), r.trainLoss(), r.validLoss());
  }

  /** Predictions on the normalised scale, one per cell. */
  abstract float[] predictNormalised(List<Arch> archs);

  /** The network's parameters, for saving. */
  abstract List<NamedTensor> tensors();

  @Override
  public double predictMs(Arch arch) {
    return predictMs(List.of(arch))[0];
  }

  @Override
  public double[] predictMs(List<Arch> archs) {
    float[] y = predictNormalised(archs);
    double[] ms = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      ms[i] = scale.toMs(archs.get(i), y[i]);
    }
    return ms;
  }

  @Override
  public LatencyPredictorFile.Builder describe() {
    return LatencyPredictorFile.newBuilder().setKind(kind().cliName())
        .addAllTensors(TensorCodec.toProto(tensors())).setNormalisation(scale.toProto())
        .putAllOptions(options.toMap());
  }
}
