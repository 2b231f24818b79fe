package dev.latlab.predictor.gcn;

import dev.latlab.nb201.graph.GcnEncoding;
import java.util.List;

/**
 * A slow, literal double-precision transcription of BRP-NAS's GCN (all nodes of every layer,
 * including the last) for checking the fast float implementation and its gradients. Dropout masks
 * come from the same {@link Dropout} the fast code uses, with the same row numbering (node rows
 * {@code g * 9 + i}, and row {@code g} for the last layer's global node).
 */
final class ReferenceGcn {
  private final ParamLayout layout;
  private final double[] w;

  ReferenceGcn(ParamLayout layout, double[] w) {
    this.layout = layout;
    this.w = w;
  }

  /** The embedding of graph {@code g} of a batch. */
  double[] embedding(GcnEncoding cell, int g, Dropout dropout) {
    int h = layout.hidden;
    double[][] x = new double[9][];
    for (int i = 0; i < 9; i++) {
      x[i] = new double[6];
      for (int f = 0; f < 6; f++) {
        x[i][f] = cell.feature(i, f);
      }
    }
    for (int l = 0; l < layout.layers; l++) {
      int in = layout.inputs(l);
      double[][] z = new double[9][h];
      for (int i = 0; i < 9; i++) {
        for (int c = 0; c < h; c++) {
          for (int k = 0; k < in; k++) {
            z[i][c] += x[i][k] * w[layout.gcWeight(l) + k * h + c];
          }
        }
      }
      double[][] next = new double[9][];
      for (int i = 0; i < 9; i++) {
        double[] s = new double[h];
        for (int c = 0; c < h; c++) {
          s[c] = w[layout.gcBias(l) + c];
          for (int j = 0; j < 9; j++) {
            s[c] += cell.adjacency(i, j) * z[j][c];
          }
        }
        int row = l == layout.layers - 1 ? g : g * 9 + i;
        next[i] = normReluDrop(s, l, row, dropout);
      }
      x = next;
    }
    return x[0];
  }

  private double[] normReluDrop(double[] s, int l, int row, Dropout dropout) {
    int h = s.length;
    double mean = 0;
    for (double v : s) {
      mean += v / h;
    }
    double var = 0;
    for (double v : s) {
      var += (v - mean) * (v - mean) / h;
    }
    float[] keep = new float[h];
    java.util.Arrays.fill(keep, 1f);
    dropout.zeroDropped(l, row, keep, 0, h);
    double[] out = new double[h];
    for (int c = 0; c < h; c++) {
      double y = (s[c] - mean) / Math.sqrt(var + LayerNormRelu.EPS) * w[layout.lnGain(l) + c]
          + w[layout.lnBias(l) + c];
      out[c] = Math.max(0, y) * keep[c] * dropout.scale();
    }
    return out;
  }

  /** L1 plus {@code rank} times the logistic ranking loss, over a batch. */
  double regressionLoss(List<GcnEncoding> cells, float[] target, double rank, Dropout dropout) {
    int n = cells.size();
    double[] p = new double[n];
    for (int g = 0; g < n; g++) {
      double[] e = embedding(cells.get(g), g, dropout);
      p[g] = w[layout.fcBias()];
      for (int c = 0; c < e.length; c++) {
        p[g] += w[layout.fcWeight() + c] * e[c];
      }
    }
    double l1 = 0;
    for (int g = 0; g < n; g++) {
      l1 += Math.abs(p[g] - target[g]) / n;
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (target[i] != target[j]) {
          double sign = Math.signum(target[i] - target[j]);
          sum += Math.log1p(Math.exp(-sign * (p[i] - p[j])));
          pairs++;
        }
      }
    }
    return l1 + (pairs == 0 ? 0 : rank * sum / pairs);
  }

  /** Mean cross-entropy of log_softmax(fc([e_a; e_b])) over all ordered pairs. */
  double pairLoss(List<GcnEncoding> cells, double[] quality, Dropout dropout) {
    int n = cells.size();
    int h = layout.hidden;
    double[][] e = new double[n][];
    for (int g = 0; g < n; g++) {
      e[g] = embedding(cells.get(g), g, dropout);
    }
    double sum = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a == b) {
          continue;
        }
        double[] logit = new double[2];
        for (int k = 0; k < 2; k++) {
          logit[k] = w[layout.fcBias() + k];
          for (int c = 0; c < h; c++) {
            logit[k] += w[layout.fcWeight() + k * 2 * h + c] * e[a][c]
                + w[layout.fcWeight() + k * 2 * h + h + c] * e[b][c];
          }
        }
        double max = Math.max(logit[0], logit[1]);
        double lse = max + Math.log(Math.exp(logit[0] - max) + Math.exp(logit[1] - max));
        double t = quality[a] > quality[b] ? 1 : quality[a] < quality[b] ? 0 : 0.5;
        sum -= t * (logit[0] - lse) + (1 - t) * (logit[1] - lse);
      }
    }
    return sum / (n * (n - 1));
  }
}
