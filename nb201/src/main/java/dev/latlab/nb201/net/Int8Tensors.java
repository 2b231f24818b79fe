package dev.latlab.nb201.net;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;

/**
 * Full-integer tensors after TFLite's 8-bit quantisation spec. Activations are int8, asymmetric per
 * tensor, from the calibrated range of the value they hold; PAD and AVERAGE_POOL_2D outputs keep
 * their input's parameters, as the spec requires. Convolution weights are int8 symmetric per
 * output channel (quantized dimension 0), classifier weights per tensor (the spec's
 * FULLY_CONNECTED), biases int32 with scale {@code inputScale * weightScale}, the broadcast
 * operands of MUL and ADD int8 asymmetric per tensor. The graph keeps a float32 input and output: a QUANTIZE
 * after the input and a DEQUANTIZE after the classifier, so callers feed and read floats as with
 * float32 models.
 */
final class Int8Tensors implements TfliteTensors {
  /**
   * Activation ranges are stretched by this factor away from zero before quantising. Eight
   * calibration images do not see the extremes other inputs reach, and a clipped activation costs
   * far more than the lost resolution: over 36 cells, the worst logit error fell from 20 % (no
   * headroom) and 12 % (1.1) to 4.3 % of the largest logit (docs/search-space.md).
   */
  static final double HEADROOM = 1.2;

  private final TfliteModelWriter writer;
  private final Calibration calibration;
  /** The quantisation of every int8 and int32 tensor added so far, by tensor index. */
  private final Map<Integer, Quantization> quantizationOf = new HashMap<>();

  Int8Tensors(TfliteModelWriter writer, Calibration calibration) {
    this.writer = writer;
    this.calibration = calibration;
  }

  @Override
  public int fromGraphInput(int input, int[] dims) {
    int quantized = activation("input_int8", dims, ActivationKey.output(0));
    writer.operator(BuiltinOperator.QUANTIZE, 1, BuiltinOptions.NONE, 0, new int[] {input},
        quantized);
    return quantized;
  }

  @Override
  public int toGraphOutput(int classifier, String name, int[] dims) {
    int output = writer.activation(name, dims);
    writer.operator(BuiltinOperator.DEQUANTIZE, 2, BuiltinOptions.NONE, 0, new int[] {classifier},
        output);
    return output;
  }

  @Override
  public String classifierName(String graphOutputName) {
    return graphOutputName + "_int8";
  }

  @Override
  public int activation(String name, int[] dims, ActivationKey value) {
    Quantization q = Quantization.asymmetric(calibration.range(value).scaled(HEADROOM));
    return remember(writer.int8Activation(name, dims, q), q);
  }

  @Override
  public int activationLike(String name, int[] dims, int like) {
    Quantization q = quantization(like);
    return remember(writer.int8Activation(name, dims, q), q);
  }

  @Override
  public boolean quantized() {
    return true;
  }

  @Override
  public int reluOutput(String name, int[] dims, ActivationKey value) {
    Quantization q =
        Quantization.nonNegative(calibration.range(value).scaled(HEADROOM).max());
    return remember(writer.int8Activation(name, dims, q), q);
  }

  @Override
  public int depthwiseWeights(String name, int kernel, int channels, float value) {
    Quantization q = Quantization.symmetric(Math.abs(value));
    int n = kernel * kernel * channels;
    int tensor = writer.int8Constant(name, new int[] {1, kernel, kernel, channels}, n, q,
        out -> {
          for (int j = 0; j < n; j++) {
            out.put(q.quantize(value, 0));
          }
        });
    return remember(tensor, q);
  }

  @Override
  public int constant(String name, int[] shape, float[] values) {
    Quantization q = Quantization.exactOrSymmetric(values);
    return remember(writer.int8Constant(name, shape, values.length, q,
        out -> putAll(values, q, out)), q);
  }

  @Override
  public int convWeights(String name, Layer.Conv2d conv, int inChannels) {
    float[] w = conv.weights();
    int perChannel = w.length / conv.outChannels();
    float[] absMax = new float[conv.outChannels()];
    for (int i = 0; i < w.length; i++) {
      absMax[i / perChannel] = Math.max(absMax[i / perChannel], Math.abs(w[i]));
    }
    Quantization q = Quantization.symmetricPerChannel(absMax);
    int tensor = writer.int8Constant(name, OhwiOrder.shape(conv, inChannels), w.length, q,
        out -> OhwiOrder.forEachRow(conv.outChannels(), inChannels, conv.kernel(),
            (o, start, stride, n) -> {
              for (int c = 0; c < n; c++) {
                out.put(q.quantize(w[start + c * stride], o));
              }
            }));
    return remember(tensor, q);
  }

  @Override
  public int denseWeights(String name, Layer.Dense dense) {
    float[] w = dense.weights();
    float absMax = 0;
    for (float v : w) {
      absMax = Math.max(absMax, Math.abs(v));
    }
    Quantization q = Quantization.symmetric(absMax);
    int[] shape = {dense.outFeatures(), w.length / dense.outFeatures()};
    return remember(writer.int8Constant(name, shape, w.length, q, out -> putAll(w, q, out)), q);
  }

  @Override
  public int bias(String name, float[] bias, int input, int weights) {
    Quantization q = Quantization.bias(quantization(input), quantization(weights));
    int[] values = new int[bias.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = q.quantizeInt32(bias[i], q.scales().length == 1 ? 0 : i);
    }
    return remember(writer.intConstant(name, new int[] {bias.length}, values, q), q);
  }

  @Override
  public int operand(String name, float[] values) {
    Quantization q = Quantization.asymmetric(ValueRange.of(values));
    int tensor = writer.int8Constant(name, new int[] {values.length}, values.length, q,
        out -> putAll(values, q, out));
    return remember(tensor, q);
  }

  /**
   * XNNPACK delegates an int8 ADD only where each input's scale is at least 1/1024 of the
   * output's; an operand of small values (a BN shift near 0) next to a large sum falls below, which
   * leaves that ADD to TFLite's kernel and splits the graph. Its range is widened to a scale of
   * 1/256 of the sum's: the extra rounding, at most 1/512 of one output step, cannot show.
   */
  @Override
  public int addend(String name, float[] values, ActivationKey sum) {
    float sumScale =
        Quantization.asymmetric(calibration.range(sum).scaled(HEADROOM)).scale();
    Quantization q = Quantization.asymmetricAtLeast(ValueRange.of(values), sumScale / 256);
    int tensor = writer.int8Constant(name, new int[] {values.length}, values.length, q,
        out -> putAll(values, q, out));
    return remember(tensor, q);
  }

  /** Versions from TFLite's op_version.cc for int8 tensors. */
  @Override
  public int version(int builtin, int[] inputs, int output) {
    return switch (builtin) {
      case BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D -> 3;
      // QUANTIZE: int8 to int8 (a requantisation) runs on the version-1 kernel.
      case BuiltinOperator.QUANTIZE -> 1;
      case BuiltinOperator.FULLY_CONNECTED -> 4;
      case BuiltinOperator.MUL -> mulRescale(inputs, output) >= 1 ? 3 : 2;
      case BuiltinOperator.ADD, BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.RELU,
          BuiltinOperator.PAD, BuiltinOperator.MEAN -> 2;
      default -> throw new IllegalArgumentException("no int8 version known for op " + builtin);
    };
  }

  /** MUL needs version 3 where {@code scale0 * scale1 / outputScale >= 1}. */
  private double mulRescale(int[] inputs, int output) {
    return (double) quantization(inputs[0]).scale() * quantization(inputs[1]).scale()
        / quantization(output).scale();
  }

  private static void putAll(float[] values, Quantization q, ByteBuffer out) {
    for (float v : values) {
      out.put(q.quantize(v, 0));
    }
  }

  private Quantization quantization(int tensor) {
    Quantization q = quantizationOf.get(tensor);
    if (q == null) {
      throw new IllegalStateException("tensor " + tensor + " is not quantised");
    }
    return q;
  }

  private int remember(int tensor, Quantization q) {
    quantizationOf.put(tensor, q);
    return tensor;
  }
}
