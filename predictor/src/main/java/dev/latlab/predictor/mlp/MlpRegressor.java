package dev.latlab.predictor.mlp;

import dev.latlab.predictor.gcn.GcnOptions;
import dev.latlab.predictor.gcn.NamedTensor;
import dev.latlab.predictor.gcn.TrainingListener;
import dev.latlab.predictor.gcn.TrainingLoop;
import dev.latlab.predictor.numeric.MatrixView;
import dev.latlab.predictor.numeric.RowOps;
import dev.latlab.predictor.numeric.Sgemm;
import dev.latlab.predictor.numeric.WorkerPool;
import dev.latlab.predictor.optim.AdamW;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multi-layer perceptron on fixed-length feature vectors: {@code layers} times (dense, ReLU,
 * dropout), then a dense output. Trained like the GCN (the same epoch loop, AdamW, schedule, early
 * stopping and L1 loss on normalised targets) so that the baseline differs from it in the input
 * only: a flat vector instead of the cell graph. Products run on the GCN's SGEMM; gradients are
 * hand-derived and checked against finite differences in the tests.
 */
public final class MlpRegressor {
  private final MlpLayout layout;
  private final float[] params;
  private final GcnOptions options;
  private final int epochsRun;

  private MlpRegressor(MlpLayout layout, float[] params, GcnOptions options, int epochsRun) {
    this.layout = layout;
    this.params = params;
    this.options = options;
    this.epochsRun = epochsRun;
  }

  /**
   * Trains an MLP.
   *
   * @param x training inputs, one row per sample, all of one length
   * @param y their (normalised) targets
   * @param validX validation inputs; may be empty (then the training loss selects the weights)
   * @param validY their targets
   * @param options layers, width, dropout and the training schedule
   * @param seed seeds initialisation, shuffles and dropout
   * @param init parameters to start from (fine-tuning), or null for a fresh init
   * @param listener told about every epoch
   * @return the regressor with the weights of the lowest validation loss
   * @throws IllegalArgumentException if sizes do not match
   */
  public static MlpRegressor train(float[][] x, float[] y, float[][] validX, float[] validY,
      GcnOptions options, long seed, MlpRegressor init, TrainingListener listener) {
    if (x.length == 0 || x.length != y.length || validX.length != validY.length) {
      throw new IllegalArgumentException("need matching, non-empty inputs and targets");
    }
    MlpLayout layout = new MlpLayout(x[0].length, options.hidden(), options.layers());
    SplittableRandom random = new SplittableRandom(seed);
    float[] params = init != null ? init.params.clone() : layout.initialise(random);
    if (params.length != layout.size()) {
      throw new IllegalArgumentException("the initial weights do not fit the options");
    }
    try (WorkerPool pool = WorkerPool.create(options.threads())) {
      MlpPass pass = new MlpPass(layout, Sgemm.create(pool));
      Objective objective = new Objective(pass, params, x, y, validX, validY, options, random,
          AdamW.withTorchDefaults(params.length, options.weightDecay(), RowOps.create()), pool);
      int epochs = TrainingLoop.run(options, params, objective, listener);
      return new MlpRegressor(layout, params, options, epochs);
    }
  }

  /**
   * Rebuilds a saved regressor.
   *
   * @param tensors from {@link #tensors}
   * @param options the options it was trained with
   * @return the regressor
   * @throws IllegalArgumentException if the tensors do not fit the options
   */
  public static MlpRegressor of(List<NamedTensor> tensors, GcnOptions options) {
    if (tensors.isEmpty()) {
      throw new IllegalArgumentException("no MLP weights");
    }
    int inputs = tensors.get(0).shape()[0];
    MlpLayout layout = new MlpLayout(inputs, options.hidden(), options.layers());
    return new MlpRegressor(layout, layout.fromTensors(tensors), options, 0);
  }

  /**
   * Predicts (evaluation mode: no dropout).
   *
   * @param x inputs
   * @return predictions, normalised as the training targets were
   */
  public float[] predict(float[][] x) {
    float[] out = new float[x.length];
    try (WorkerPool pool = WorkerPool.create(options.threads())) {
      MlpPass pass = new MlpPass(layout, Sgemm.create(pool));
      for (int from = 0; from < x.length; from += MlpPass.EVAL_BATCH) {
        int to = Math.min(x.length, from + MlpPass.EVAL_BATCH);
        float[] batch = pass.forward(params, x, rows(from, to), null);
        System.arraycopy(batch, 0, out, from, to - from);
      }
    }
    return out;
  }

  /**
   * Returns the parameters as named tensors, for saving.
   *
   * @return dense_i.weight, dense_i.bias per layer, then out.weight, out.bias
   */
  public List<NamedTensor> tensors() {
    return layout.toTensors(params);
  }

  /**
   * Returns the epochs trained.
   *
   * @return epochs, 0 for a loaded model
   */
  public int epochsRun() {
    return epochsRun;
  }

  static int[] rows(int from, int to) {
    int[] rows = new int[to - from];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = from + i;
    }
    return rows;
  }

  /** One epoch = shuffled minibatches; validation = L1 over the validation set (or training). */
  private static final class Objective implements TrainingLoop.Objective {
    private final MlpPass pass;
    private final float[] params;
    private final float[] grads;
    private final float[][] x;
    private final float[] y;
    private final float[][] validX;
    private final float[] validY;
    private final GcnOptions options;
    private final SplittableRandom random;
    private final AdamW adam;
    private final WorkerPool pool;
    private double lastTrainLoss = Double.NaN;

    Objective(MlpPass pass, float[] params, float[][] x, float[] y, float[][] validX,
        float[] validY, GcnOptions options, SplittableRandom random, AdamW adam,
        WorkerPool pool) {
      this.pass = pass;
      this.params = params;
      this.grads = new float[params.length];
      this.x = x;
      this.y = y;
      this.validX = validX;
      this.validY = validY;
      this.options = options;
      this.random = random;
      this.adam = adam;
      this.pool = pool;
    }

    @Override
    public double trainEpoch(double learningRate) {
      int[] order = rows(0, x.length);
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double total = 0;
      for (int from = 0; from < order.length; from += options.batchSize()) {
        int[] batch = java.util.Arrays.copyOfRange(order, from,
            Math.min(order.length, from + options.batchSize()));
        MlpPass.Dropout dropout = new MlpPass.Dropout(options.dropout(), random.nextLong());
        total += pass.l1Step(params, grads, x, y, batch, dropout) * batch.length;
        adam.step(params, grads, learningRate, pool);
      }
      lastTrainLoss = total / order.length;
      return lastTrainLoss;
    }

    @Override
    public double validationLoss() {
      if (validX.length == 0) {
        return lastTrainLoss;
      }
      double total = 0;
      for (int from = 0; from < validX.length; from += MlpPass.EVAL_BATCH) {
        int to = Math.min(validX.length, from + MlpPass.EVAL_BATCH);
        float[] out = pass.forward(params, validX, rows(from, to), null);
        for (int i = 0; i < out.length; i++) {
          total += Math.abs(out[i] - validY[from + i]);
        }
      }
      return total / validX.length;
    }
  }

  /** For tests: the flat parameter vector. */
  float[] params() {
    return params;
  }
}
