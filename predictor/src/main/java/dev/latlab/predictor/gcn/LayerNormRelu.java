package dev.latlab.predictor.gcn;

import dev.latlab.predictor.numeric.RowOps;

/**
 * {@code relu(LayerNorm(s)) * scale} on one row, and its gradient. LayerNorm as in PyTorch: biased
 * variance, {@code eps = 1e-5}, learnable gain and bias per column.
 */
final class LayerNormRelu {
  static final double EPS = 1e-5;

  private final RowOps ops;

  LayerNormRelu(RowOps ops) {
    this.ops = ops;
  }

  /**
   * Normalises {@code pre[off..off+h)} in place, stores the row's {@code 1/sqrt(var + eps)} in
   * {@code rstd[row]} and writes {@code relu(gain * norm + bias) * scale} to {@code out}.
   */
  void forward(float[] pre, int off, int h, float[] w, int gain, int bias, float[] rstd, int row,
      float[] out, float scale) {
    float mean = ops.sum(pre, off, h) / h;
    float var = ops.sumSquares(pre, off, h, mean) / h;
    float r = (float) (1 / Math.sqrt(var + EPS));
    rstd[row] = r;
    ops.normalizeAffineRelu(pre, off, h, mean, r, w, gain, bias, out, scale);
  }

  /**
   * From the gradient of the row's output ({@code grad}, overwritten with the gradient of the
   * LayerNorm output) to the gradient of its input ({@code gradPre}). The output is {@code relu(y)
   * * keep * scale}, so its derivative is {@code scale} where the output is positive and 0
   * elsewhere: ReLU and dropout in one test, without redrawing the dropout mask.
   */
  void backward(float[] grad, float[] out, float[] norm, int off, int h, float[] w, int gain,
      float rstd, float scale, float[] gradPre) {
    ops.maskByPositive(grad, out, off, h, scale);
    float meanG = ops.dot(grad, off, w, gain, h) / h;
    float meanGn = ops.dot3(grad, off, w, gain, norm, off, h) / h;
    ops.layerNormBackward(grad, norm, off, h, w, gain, rstd, meanG, meanGn, gradPre);
  }
}
