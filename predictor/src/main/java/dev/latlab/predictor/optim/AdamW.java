package dev.latlab.predictor.optim;

import dev.latlab.predictor.numeric.RowOps;
import dev.latlab.predictor.numeric.WorkerPool;

/**
 * Adam with decoupled weight decay over one flat parameter array, as {@code torch.optim.AdamW}
 * computes it: {@code p *= 1 - lr*wd; m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;} {@code p -=
 * (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}. Weight decay applies to every
 * parameter, as it does for {@code AdamW(model.parameters())}.
 */
public final class AdamW {
  private static final int CHUNK = 1 << 15;

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final float[] m;
  private final float[] v;
  private final RowOps ops;
  private int steps;

  /**
   * Creates the optimiser with zero moments.
   *
   * @param size number of parameters
   * @param beta1 decay of the first moment, in [0, 1)
   * @param beta2 decay of the second moment, in [0, 1)
   * @param eps added to the denominator, > 0
   * @param weightDecay decoupled weight decay, >= 0
   * @param ops the row operations that do the update
   * @throws IllegalArgumentException if an argument is out of range
   */
  public AdamW(int size, double beta1, double beta2, double eps, double weightDecay, RowOps ops) {
    if (size < 0 || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)
        || !(weightDecay >= 0)) {
      throw new IllegalArgumentException("bad AdamW setting: size " + size + ", betas " + beta1
          + "/" + beta2 + ", eps " + eps + ", weight decay " + weightDecay);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.m = new float[size];
    this.v = new float[size];
    this.ops = ops;
  }

  /**
   * Creates the optimiser with PyTorch's defaults: betas 0.9 / 0.999, eps 1e-8.
   *
   * @param size number of parameters
   * @param weightDecay decoupled weight decay, >= 0
   * @param ops the row operations that do the update
   * @return the optimiser
   */
  public static AdamW withTorchDefaults(int size, double weightDecay, RowOps ops) {
    return new AdamW(size, 0.9, 0.999, 1e-8, weightDecay, ops);
  }

  /**
   * Returns the number of steps taken.
   *
   * @return steps
   */
  public int steps() {
    return steps;
  }

  /**
   * Updates the parameters in place.
   *
   * @param params the parameters
   * @param grads their gradients
   * @param lr the learning rate of this step
   * @param pool threads to use (elementwise, so the result does not depend on them)
   * @throws IllegalArgumentException if an array has the wrong length
   */
  public void step(float[] params, float[] grads, double lr, WorkerPool pool) {
    if (params.length != m.length || grads.length != m.length) {
      throw new IllegalArgumentException("expected " + m.length + " parameters and gradients");
    }
    steps++;
    float decay = (float) (1 - lr * weightDecay);
    float stepSize = (float) (lr / (1 - Math.pow(beta1, steps)));
    float correction2 = (float) Math.sqrt(1 - Math.pow(beta2, steps));
    int chunks = (m.length + CHUNK - 1) / CHUNK;
    pool.forEach(chunks, c -> ops.adamW(params, grads, m, v, c * CHUNK,
        Math.min(m.length, (c + 1) * CHUNK) - c * CHUNK, (float) beta1, (float) beta2, decay,
        stepSize, correction2, (float) eps));
  }
}
