package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.mlp.MlpRegressor;
import dev.latlab.proto.v1.LatencyPredictorFile;
import java.util.List;

/**
 * The MLP baseline: an MLP on the one-hot op vector (6 edges x 5 ops), trained exactly as the GCN
 * is (same options, log-latency targets, few-shot transfer), so that the comparison isolates the
 * cell graph.
 */
final class MlpLatencyModel implements TrainedModel {
  private final MlpRegressor regressor;
  private final TargetScale scale;
  private final ModelOptions options;

  private MlpLatencyModel(MlpRegressor regressor, TargetScale scale, ModelOptions options) {
    this.regressor = regressor;
    this.scale = scale;
    this.options = options;
  }

  static MlpLatencyModel train(LatencyData train, LatencyData valid, List<LatencyData> pretrain,
      ModelOptions options, long seed, TrainingListener listener) {
    MlpRegressor init = null;
    if (!pretrain.isEmpty()) {
      PretrainSet set = PretrainSet.of(pretrain, options.pretrainCells(), options.linearSkip(),
          seed);
      init = MlpRegressor.train(features(set.train()), set.trainY(), features(set.valid()),
          set.validY(), options.toGcnOptions(options.epochs()), seed, null,
          GcnLatencyModel.listener("pretrain", listener));
    }
    TargetScale scale = TargetScale.fit(train.archs(), train.values(), options.linearSkip());
    int epochs = init == null ? options.epochs() : options.adaptEpochs();
    MlpRegressor regressor = MlpRegressor.train(features(train.archs()),
        scale.normalise(train.archs(), train.values()), features(valid.archs()),
        scale.normalise(valid.archs(), valid.values()),
        options.toGcnOptions(epochs), seed, init,
        GcnLatencyModel.listener(init == null ? "train" : "adapt", listener));
    return new MlpLatencyModel(regressor, scale, options);
  }

  static MlpLatencyModel of(LatencyPredictorFile file) {
    ModelOptions options = OptionsText.parse(file.getOptionsMap());
    return new MlpLatencyModel(MlpRegressor.of(TensorCodec.fromProto(file.getTensorsList()),
        options.toGcnOptions(options.epochs())),
        TargetScale.of(file.getNormalisation()), options);
  }

  private static float[][] features(List<Arch> archs) {
    float[][] x = new float[archs.size()][];
    for (int i = 0; i < x.length; i++) {
      double[] oneHot = CellFeatures.oneHot(archs.get(i));
      x[i] = new float[oneHot.length];
      for (int j = 0; j < oneHot.length; j++) {
        x[i][j] = (float) oneHot[j];
      }
    }
    return x;
  }

  @Override
  public double predictMs(Arch arch) {
    return predictMs(List.of(arch))[0];
  }

  @Override
  public double[] predictMs(List<Arch> archs) {
    float[] y = regressor.predict(features(archs));
    double[] ms = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      ms[i] = scale.toMs(archs.get(i), y[i]);
    }
    return ms;
  }

  @Override
  public ModelKind kind() {
    return ModelKind.MLP;
  }

  @Override
  public int epochsRun() {
    return regressor.epochsRun();
  }

  @Override
  public LatencyPredictorFile.Builder describe() {
    return LatencyPredictorFile.newBuilder().setKind(kind().cliName())
        .addAllTensors(TensorCodec.toProto(regressor.tensors()))
        .setNormalisation(scale.toProto()).putAllOptions(options.toMap());
  }
}
