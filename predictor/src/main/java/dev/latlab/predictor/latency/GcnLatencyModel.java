package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.gcn.GcnRegressor;
import dev.latlab.predictor.gcn.GcnWeights;
import dev.latlab.predictor.gcn.NamedTensor;
import dev.latlab.proto.v1.LatencyPredictorFile;
import java.util.ArrayList;
import java.util.List;

/** BRP-NAS's latency predictor: the GCN regressor on the cell graph (see {@link NetworkModel}). */
final class GcnLatencyModel extends NetworkModel {
  private final GcnRegressor regressor;

  private GcnLatencyModel(GcnRegressor regressor, TargetScale scale, ModelOptions options) {
    super(scale, options);
    this.regressor = regressor;
  }

  static GcnLatencyModel train(LatencyData train, LatencyData valid, List<LatencyData> pretrain,
      ModelOptions options, long seed, TrainingListener listener) {
    Fitted<GcnRegressor> fitted = fit((x, y, vx, vy, o, init, l) -> GcnRegressor.train(encode(x),
        y, encode(vx), vy, o, seed, init == null ? null : init.weights(), l),
        train, valid, pretrain, options, seed, listener);
    return new GcnLatencyModel(fitted.network(), fitted.scale(), options);
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

  @Override
  float[] predictNormalised(List<Arch> archs) {
    return regressor.predict(encode(archs));
  }

  @Override
  List<NamedTensor> tensors() {
    return regressor.weights().tensors();
  }

  @Override
  public ModelKind kind() {
    return ModelKind.GCN;
  }

  @Override
  public int epochsRun() {
    return regressor.epochsRun();
  }
}
