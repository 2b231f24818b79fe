package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.gcn.GcnRegressor;
import dev.latlab.predictor.gcn.GcnWeights;
import dev.latlab.proto.v1.LatencyPredictorFile;
import java.util.ArrayList;
import java.util.List;

/**
 * BRP-NAS's latency predictor: the GCN regressor on log-latency targets (see {@link TargetScale}),
 * with few-shot transfer by pre-training on other devices and fine-tuning on the new one.
 */
final class GcnLatencyModel implements TrainedModel {
  private final GcnRegressor regressor;
  private final TargetScale scale;
  private final ModelOptions options;

  private GcnLatencyModel(GcnRegressor regressor, TargetScale scale, ModelOptions options) {
    this.regressor = regressor;
    this.scale = scale;
    this.options = options;
  }

  /**
   * Trains the GCN, pre-training first when other devices' data is given.
   *
   * @param train the device's training cells
   * @param valid its validation cells; may be empty
   * @param pretrain other devices' data, or empty
   * @param options hyper-parameters
   * @param seed reproducibility
   * @param listener hears about epochs
   * @return the model
   */
  static GcnLatencyModel train(LatencyData train, LatencyData valid, List<LatencyData> pretrain,
      ModelOptions options, long seed, TrainingListener listener) {
    GcnWeights init = null;
    if (!pretrain.isEmpty()) {
      PretrainSet set = PretrainSet.of(pretrain, options.pretrainCells(), options.linearSkip(),
          seed);
      init = GcnRegressor.train(encode(set.train()), set.trainY(), encode(set.valid()),
          set.validY(), options.toGcnOptions(options.epochs()), seed, null,
          listener("pretrain", listener)).weights();
    }
    TargetScale scale = TargetScale.fit(train.archs(), train.values(), options.linearSkip());
    int epochs = init == null ? options.epochs() : options.adaptEpochs();
    GcnRegressor regressor = GcnRegressor.train(encode(train.archs()),
        scale.normalise(train.archs(), train.values()), encode(valid.archs()),
        scale.normalise(valid.archs(), valid.values()),
        options.toGcnOptions(epochs), seed, init,
        listener(init == null ? "train" : "adapt", listener));
    return new GcnLatencyModel(regressor, scale, options);
  }

  static GcnLatencyModel of(LatencyPredictorFile file) {
    ModelOptions options = OptionsText.parse(file.getOptionsMap());
    GcnWeights weights = GcnWeights.fromTensors(TensorCodec.fromProto(file.getTensorsList()));
    return new GcnLatencyModel(GcnRegressor.of(weights, options.toGcnOptions(options.epochs())),
        TargetScale.of(file.getNormalisation()), options);
  }

  static List<GcnEncoding> encode(List<Arch> archs) {
    List<GcnEncoding> graphs = new ArrayList<>(archs.size());
    for (Arch a : archs) {
      graphs.add(GcnEncoding.of(a));
    }
    return graphs;
  }

  static dev.latlab.predictor.gcn.TrainingListener listener(String phase,
      TrainingListener listener) {
    return r -> listener.epoch(phase, r.epoch(), r.maxEpochs(), r.trainLoss(), r.validLoss());
  }

  @Override
  public double predictMs(Arch arch) {
    return predictMs(List.of(arch))[0];
  }

  @Override
  public double[] predictMs(List<Arch> archs) {
    float[] y = regressor.predict(encode(archs));
    double[] ms = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      ms[i] = scale.toMs(archs.get(i), y[i]);
    }
    return ms;
  }

  @Override
  public ModelKind kind() {
    return ModelKind.GCN;
  }

  @Override
  public int epochsRun() {
    return regressor.epochsRun();
  }

  @Override
  public LatencyPredictorFile.Builder describe() {
    return LatencyPredictorFile.newBuilder().setKind(kind().cliName())
        .addAllTensors(TensorCodec.toProto(regressor.weights().tensors()))
        .setNormalisation(scale.toProto()).putAllOptions(options.toMap());
  }
}
