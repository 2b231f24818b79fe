package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.gcn.NamedTensor;
import dev.latlab.predictor.mlp.MlpRegressor;
import dev.latlab.proto.v1.LatencyPredictorFile;
import java.util.List;

/**
 * The MLP baseline: an MLP on the one-hot op vector (6 edges x 5 ops), trained exactly as the GCN
 * is (same options, targets and few-shot transfer), so that the comparison isolates the cell graph.
 */
final class MlpLatencyModel extends NetworkModel {
  private final MlpRegressor regressor;

  private MlpLatencyModel(MlpRegressor regressor, TargetScale scale, ModelOptions options) {
    super(scale, options);
    this.regressor = regressor;
  }

  static MlpLatencyModel train(LatencyData train, LatencyData valid, List<LatencyData> pretrain,
      ModelOptions options, long seed, TrainingListener listener) {
    Fitted<MlpRegressor> fitted = fit((x, y, vx, vy, o, init, l) -> MlpRegressor.train(
        features(x), y, features(vx), vy, o, seed, init, l),
        train, valid, pretrain, options, seed, listener);
    return new MlpLatencyModel(fitted.network(), fitted.scale(), options);
  }

  static MlpLatencyModel of(LatencyPredictorFile file) {
    ModelOptions options = OptionsText.parse(file.getOptionsMap());
    return new MlpLatencyModel(MlpRegressor.of(TensorCodec.fromProto(file.getTensorsList()),
        options.toGcnOptions(options.epochs())), TargetScale.of(file.getNormalisation()),
        options);
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
  float[] predictNormalised(List<Arch> archs) {
    return regressor.predict(features(archs));
  }

  @Override
  List<NamedTensor> tensors() {
    return regressor.tensors();
  }

  @Override
  public ModelKind kind() {
    return ModelKind.MLP;
  }

  @Override
  public int epochsRun() {
    return regressor.epochsRun();
  }
}
