package dev.latlab.predictor.mlp;

import dev.latlab.predictor.numeric.MatrixView;
import dev.latlab.predictor.numeric.Sgemm;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Forward and backward passes of an {@link MlpLayout} over one batch. Keeps the batch's
 * activations between the two; not thread-safe (the products inside run on the SGEMM's threads).
 */
final class MlpPass {
  /** Rows per inference batch. */
  static final int EVAL_BATCH = 256;

  private final MlpLayout layout;
  private final Sgemm sgemm;
  /** acts[0] = the input batch; acts[l + 1] = dropout(relu(acts[l] W_l + b_l)). */
  private final float[][] acts;
  private float[] out;
  private int rows;

  MlpPass(MlpLayout layout, Sgemm sgemm) {
    this.layout = layout;
    this.sgemm = sgemm;
    this.acts = new float[layout.layers + 1][];
  }

  /** Dropout masks, seeded per (step, layer, row) so that they never depend on threads. */
  record Dropout(double rate, long seed) {
    float scale() {
      return (float) (1 / (1 - rate));
    }

    void apply(int layer, int row, float[] values, int offset, int width) {
      if (rate == 0) {
        return;
      }
      SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L
          * ((((long) layer) << 32) + row + 1)));
      float scale = scale();
      for (int j = 0; j < width; j++) {
        values[offset + j] = random.nextDouble() < rate ? 0 : values[offset + j] * scale;
      }
    }
  }

  /**
   * Runs the network on some rows of x.
   *
   * @param p parameters
   * @param x all inputs
   * @param batch which rows
   * @param dropout masks, or null in evaluation mode
   * @return the outputs, one per batch row
   */
  float[] forward(float[] p, float[][] x, int[] batch, Dropout dropout) {
    rows = batch.length;
    int h = layout.hidden;
    float[] input = new float[rows * layout.inputs];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x[batch[r]], 0, input, r * layout.inputs, layout.inputs);
    }
    acts[0] = input;
    for (int l = 0; l < layout.layers; l++) {
      float[] z = new float[rows * h];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(p, layout.bias(l), z, r * h, h);
      }
      sgemm.multiply(MatrixView.rowMajor(acts[l], 0, rows, layout.in(l)),
          MatrixView.rowMajor(p, layout.weight(l), layout.in(l), h),
          MatrixView.rowMajor(z, 0, rows, h), true);
      for (int i = 0; i < z.length; i++) {
        z[i] = Math.max(z[i], 0f);
      }
      if (dropout != null) {
        for (int r = 0; r < rows; r++) {
          dropout.apply(l, r, z, r * h, h);
        }
      }
      acts[l + 1] = z;
    }
    out = new float[rows];
    float[] last = acts[layout.layers];
    for (int r = 0; r < rows; r++) {
      double s = p[layout.outBias];
      for (int j = 0; j < h; j++) {
        s += last[r * h + j] * p[layout.outWeight + j];
      }
      out[r] = (float) s;
    }
    return out;
  }

  /**
   * One training step's loss and gradient: the mean absolute error over the batch.
   *
   * @param p parameters
   * @param grads receives the gradient (overwritten)
   * @param x all inputs
   * @param y all targets
   * @param batch which rows
   * @param dropout this step's masks
   * @return the mean L1 loss of the batch
   */
  double l1Step(float[] p, float[] grads, float[][] x, float[] y, int[] batch, Dropout dropout) {
    float[] pred = forward(p, x, batch, dropout);
    float[] dOut = new float[rows];
    double loss = 0;
    for (int r = 0; r < rows; r++) {
      float diff = pred[r] - y[batch[r]];
      loss += Math.abs(diff);
      dOut[r] = Math.signum(diff) / rows;
    }
    backward(p, grads, dOut, dropout == null ? 1f : dropout.scale());
    return loss / rows;
  }

  /** Backpropagates d(loss)/d(output) through the activations of the last forward pass. */
  void backward(float[] p, float[] grads, float[] dOut, float scale) {
    Arrays.fill(grads, 0f);
    int h = layout.hidden;
    float[] last = acts[layout.layers];
    float[] dAct = new float[rows * h];
    for (int r = 0; r < rows; r++) {
      grads[layout.outBias] += dOut[r];
      for (int j = 0; j < h; j++) {
        grads[layout.outWeight + j] += last[r * h + j] * dOut[r];
        dAct[r * h + j] = dOut[r] * p[layout.outWeight + j];
      }
    }
    for (int l = layout.layers - 1; l >= 0; l--) {
      // a = dropout(relu(z)): where a > 0 the unit was live and kept, and da/dz = scale
      float[] a = acts[l + 1];
      float[] dz = dAct;
      for (int i = 0; i < dz.length; i++) {
        dz[i] = a[i] > 0 ? dz[i] * scale : 0f;
      }
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < h; j++) {
          grads[layout.bias(l) + j] += dz[r * h + j];
        }
      }
      int in = layout.in(l);
      sgemm.multiply(MatrixView.rowMajor(acts[l], 0, rows, in).transpose(),
          MatrixView.rowMajor(dz, 0, rows, h), MatrixView.rowMajor(grads, layout.weight(l), in, h),
          false);
      if (l > 0) {
        float[] dPrev = new float[rows * in];
        sgemm.multiply(MatrixView.rowMajor(dz, 0, rows, h),
            MatrixView.rowMajor(p, layout.weight(l), in, h).transpose(),
            MatrixView.rowMajor(dPrev, 0, rows, in), false);
        dAct = dPrev;
      }
    }
  }
}
