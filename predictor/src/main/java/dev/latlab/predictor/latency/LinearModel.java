package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.linalg.Ridge;
import dev.latlab.proto.v1.LatencyPredictorFile;
import dev.latlab.proto.v1.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * The two linear baselines, fitted by least squares in milliseconds (coefficients saved as
 * doubles, features first, intercept last): {@link ModelKind#FLOPS}
 * ({@code ms = a + b * GFLOPs}) and {@link ModelKind#LAYERWISE} ({@code ms = a + sum over op types
 * of t_op * count_op}, a layer-wise sum model: NB201 repeats one cell in all three stages, so the
 * per-stage counts are equal and the per-stage terms fold into one coefficient per op type).
 */
final class LinearModel implements TrainedModel {
  private static final String COEFFICIENTS = "coefficients";
  /** Keeps collinear features solvable (an op absent from every training cell); no real shrinkage. */
  static final double RIDGE = 1e-9;

  private final ModelKind kind;
  private final double[] w;

  private LinearModel(ModelKind kind, double[] w) {
    this.kind = kind;
    this.w = w;
  }

  /**
   * Fits a linear baseline on the training cells (validation cells are not needed).
   *
   * @param kind {@link ModelKind#FLOPS} or {@link ModelKind#LAYERWISE}
   * @param train the training cells
   * @return the fitted model
   */
  static LinearModel fit(ModelKind kind, LatencyData train) {
    Function<Arch, double[]> features = features(kind);
    double[][] x = new double[train.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = features.apply(train.arch(i));
    }
    return new LinearModel(kind, Ridge.fit(x, train.values(), RIDGE));
  }

  /**
   * Restores a saved model.
   *
   * @param file the saved message
   * @return the model
   * @throws IllegalArgumentException if the coefficients do not fit the kind
   */
  static LinearModel of(LatencyPredictorFile file) {
    ModelKind kind = ModelKind.parse(file.getKind());
    Tensor t = file.getTensorsList().stream().filter(x -> x.getName().equals(COEFFICIENTS))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no coefficients"));
    double[] w = t.getDoublesList().stream().mapToDouble(Double::doubleValue).toArray();
    if (w.length != features(kind).apply(Arch.fromIndex(0)).length + 1) {
      throw new IllegalArgumentException(kind.cliName() + " model with " + w.length
          + " coefficients");
    }
    return new LinearModel(kind, w);
  }

  private static Function<Arch, double[]> features(ModelKind kind) {
    return switch (kind) {
      case FLOPS -> a -> new double[] {CellFeatures.flops(a) / 1e9};
      case LAYERWISE -> CellFeatures::opCounts;
      default -> throw new IllegalArgumentException(kind.cliName() + " is not a linear model");
    };
  }

  @Override
  public double predictMs(Arch arch) {
    return Ridge.predict(w, features(kind).apply(arch));
  }

  @Override
  public ModelKind kind() {
    return kind;
  }

  @Override
  public LatencyPredictorFile.Builder describe() {
    Tensor.Builder t = Tensor.newBuilder().setName(COEFFICIENTS).addShape(w.length);
    for (double v : w) {
      t.addDoubles(v);
    }
    return LatencyPredictorFile.newBuilder().setKind(kind.cliName()).addTensors(t);
  }

  /**
   * Returns the coefficients: one per feature, then the intercept.
   *
   * @return a copy
   */
  List<Double> coefficients() {
    return java.util.Arrays.stream(w).boxed().toList();
  }
}
