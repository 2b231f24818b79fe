package dev.latlab.nb201.net;

import java.util.List;

/**
 * Runs a {@link Network} in plain Java, NCHW, accumulating in double: slow, simple and obviously
 * right. The test oracle for the ONNX and TFLite emitters and the calibration source for quantised
 * networks.
 */
public final class ReferenceEvaluator {
  private ReferenceEvaluator() {}

  /**
   * Runs the network on one input.
   *
   * @param network the network
   * @param input NCHW values, {@code network.inputShape().size()} of them
   * @return the logits, {@code batch x classes}, row-major
   * @throws IllegalArgumentException if the input has the wrong length
   */
  public static float[] run(Network network, float[] input) {
    return activations(network, input)[network.outputLayer()];
  }

  /**
   * Runs the network on one input and keeps every layer's output (what calibration observes).
   *
   * @param network the network
   * @param input NCHW values, {@code network.inputShape().size()} of them
   * @return tensor i is layer i's output, NCHW
   * @throws IllegalArgumentException if the input has the wrong length
   */
  static float[][] activations(Network network, float[] input) {
    if (input.length != network.inputShape().size()) {
      throw new IllegalArgumentException(
          "input has " + input.length + " values, the network takes " + network.inputShape().size());
    }
    List<Layer> layers = network.layers();
    float[][] tensors = new float[layers.size()][];
    tensors[0] = input.clone();
    for (int i = 1; i < layers.size(); i++) {
      tensors[i] = evaluate(network, layers.get(i), tensors, network.shape(i));
    }
    return tensors;
  }

  private static float[] evaluate(Network net, Layer layer, float[][] t, Shape out) {
    if (layer instanceof Layer.Conv2d c) {
      return conv(c, t[c.input()], net.shape(c.input()), out);
    } else if (layer instanceof Layer.Relu r) {
      return relu(t[r.input()]);
    } else if (layer instanceof Layer.AvgPool2d p) {
      return avgPool(p, t[p.input()], net.shape(p.input()), out);
    } else if (layer instanceof Layer.Add a) {
      return add(a, t, out);
    } else if (layer instanceof Layer.ChannelAffine a) {
      return affine(a, t[a.input()], out);
    } else if (layer instanceof Layer.GlobalAvgPool g) {
      return globalAvgPool(t[g.input()], net.shape(g.input()));
    } else if (layer instanceof Layer.Dense d) {
      return dense(d, t[d.input()], out);
    }
    throw new IllegalStateException("unexpected layer " + layer);
  }

  private static float[] conv(Layer.Conv2d c, float[] x, Shape in, Shape out) {
    float[] y = new float[out.size()];
    int k = c.kernel();
    int cin = in.channels();
    for (int n = 0; n < out.batch(); n++) {
      for (int o = 0; o < out.channels(); o++) {
        for (int oy = 0; oy < out.height(); oy++) {
          for (int ox = 0; ox < out.width(); ox++) {
            double acc = c.bias()[o];
            for (int ci = 0; ci < cin; ci++) {
              for (int ky = 0; ky < k; ky++) {
                int iy = oy * c.stride() - c.padding() + ky;
                if (iy < 0 || iy >= in.height()) {
                  continue;
                }
                for (int kx = 0; kx < k; kx++) {
                  int ix = ox * c.stride() - c.padding() + kx;
                  if (ix >= 0 && ix < in.width()) {
                    acc += (double) c.weights()[((o * cin + ci) * k + ky) * k + kx]
                        * x[index(in, n, ci, iy, ix)];
                  }
                }
              }
            }
            y[index(out, n, o, oy, ox)] = (float) acc;
          }
        }
      }
    }
    return y;
  }

  private static float[] relu(float[] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(0f, x[i]);
    }
    return y;
  }

  private static float[] avgPool(Layer.AvgPool2d p, float[] x, Shape in, Shape out) {
    float[] y = new float[out.size()];
    for (int n = 0; n < out.batch(); n++) {
      for (int c = 0; c < out.channels(); c++) {
        for (int oy = 0; oy < out.height(); oy++) {
          for (int ox = 0; ox < out.width(); ox++) {
            double sum = 0;
            int count = 0;
            for (int ky = 0; ky < p.kernel(); ky++) {
              for (int kx = 0; kx < p.kernel(); kx++) {
                int iy = oy * p.stride() - p.padding() + ky;
                int ix = ox * p.stride() - p.padding() + kx;
                if (iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width()) {
                  sum += x[index(in, n, c, iy, ix)];
                  count++;
                }
              }
            }
            y[index(out, n, c, oy, ox)] = (float) (sum / count);
          }
        }
      }
    }
    return y;
  }

  private static float[] add(Layer.Add a, float[][] t, Shape out) {
    float[] y = new float[out.size()];
    for (int i = 0; i < y.length; i++) {
      double sum = 0;
      for (int input : a.inputs()) {
        sum += t[input][i];
      }
      y[i] = (float) sum;
    }
    return y;
  }

  private static float[] affine(Layer.ChannelAffine a, float[] x, Shape shape) {
    float[] y = new float[x.length];
    int plane = shape.height() * shape.width();
    for (int i = 0; i < x.length; i++) {
      int c = (i / plane) % shape.channels();
      y[i] = (float) ((double) x[i] * a.scale()[c] + a.shift()[c]);
    }
    return y;
  }

  private static float[] globalAvgPool(float[] x, Shape in) {
    int plane = in.height() * in.width();
    float[] y = new float[in.batch() * in.channels()];
    for (int nc = 0; nc < y.length; nc++) {
      double sum = 0;
      for (int i = 0; i < plane; i++) {
        sum += x[nc * plane + i];
      }
      y[nc] = (float) (sum / plane);
    }
    return y;
  }

  private static float[] dense(Layer.Dense d, float[] x, Shape out) {
    int in = x.length / out.batch();
    float[] y = new float[out.batch() * d.outFeatures()];
    for (int n = 0; n < out.batch(); n++) {
      for (int o = 0; o < d.outFeatures(); o++) {
        double acc = d.bias()[o];
        for (int i = 0; i < in; i++) {
          acc += (double) d.weights()[o * in + i] * x[n * in + i];
        }
        y[n * d.outFeatures() + o] = (float) acc;
      }
    }
    return y;
  }

  private static int index(Shape s, int n, int c, int y, int x) {
    return ((n * s.channels() + c) * s.height() + y) * s.width() + x;
  }
}
