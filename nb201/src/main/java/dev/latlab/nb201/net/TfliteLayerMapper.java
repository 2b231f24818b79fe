package dev.latlab.nb201.net;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.Locale;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.MulOptions;
import org.tensorflow.lite.schema.PadOptions;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReducerOptions;

/**
 * Maps the layers of a {@link Network} (NCHW) to TFLite operators (NHWC), one layer at a time, in
 * order. Every IR tensor becomes one TFLite tensor; the classifier tensors ({@code GlobalAvgPool}
 * and {@code Dense}) are rank 2, {@code [N, C]}, all others {@code [N, H, W, C]}. Element types,
 * constants and kernel versions come from a {@link TfliteTensors}, so float32 and int8 models have
 * the same operators.
 */
final class TfliteLayerMapper {
  /** The graph's float32 input tensor. */
  static final String INPUT_NAME = "input";
  /** The graph's float32 output tensor. */
  static final String OUTPUT_NAME = "logits";

  private final Network network;
  private final TfliteModelWriter writer;
  private final TfliteTensors tensors;
  private final FlatBufferBuilder builder;
  /** TFLite tensor index of each IR layer's output. */
  private final int[] tensorOf;
  /** TFLite shape of each IR layer's output. */
  private final int[][] dimsOf;

  /**
   * The graph's input and output tensors.
   *
   * @param input the float32 input
   * @param output the float32 logits
   */
  record Endpoints(int input, int output) {}

  private TfliteLayerMapper(Network network, TfliteModelWriter writer, TfliteTensors tensors) {
    this.network = network;
    this.writer = writer;
    this.tensors = tensors;
    this.builder = writer.builder();
    this.tensorOf = new int[network.layers().size()];
    this.dimsOf = new int[network.layers().size()][];
  }

  /**
   * Emits every layer of the network through the writer, typed by {@code tensors}.
   *
   * @return the graph's input and output tensors
   */
  static Endpoints map(Network network, TfliteModelWriter writer, TfliteTensors tensors) {
    TfliteLayerMapper mapper = new TfliteLayerMapper(network, writer, tensors);
    int input = writer.activation(INPUT_NAME, mapper.dims(0));
    for (int i = 0; i < mapper.tensorOf.length; i++) {
      mapper.dimsOf[i] = mapper.dims(i);
      mapper.tensorOf[i] =
          i == 0 ? tensors.fromGraphInput(input, mapper.dimsOf[0]) : mapper.emit(i);
    }
    int last = network.outputLayer();
    int output = tensors.toGraphOutput(mapper.tensorOf[last], OUTPUT_NAME, mapper.dimsOf[last]);
    return new Endpoints(input, output);
  }

  private int[] dims(int i) {
    Layer layer = network.layers().get(i);
    Shape s = network.shape(i);
    if (layer instanceof Layer.GlobalAvgPool || layer instanceof Layer.Dense) {
      return new int[] {s.batch(), s.channels()};
    } else if (layer instanceof Layer.Relu r) {
      return dimsOf[r.input()];
    } else if (layer instanceof Layer.Add a) {
      return dimsOf[a.inputs()[0]];
    } else if (layer instanceof Layer.ChannelAffine a) {
      return dimsOf[a.input()];
    }
    return s.nhwc();
  }

  private int emit(int i) {
    Layer layer = network.layers().get(i);
    if (layer instanceof Layer.Conv2d c) {
      return conv(i, c);
    } else if (layer instanceof Layer.Relu r) {
      return relu(i, r);
    } else if (layer instanceof Layer.AvgPool2d p) {
      return avgPool(i, p);
    } else if (layer instanceof Layer.Add a) {
      return add(i, a);
    } else if (layer instanceof Layer.ChannelAffine a) {
      return affine(i, a);
    } else if (layer instanceof Layer.GlobalAvgPool g) {
      return globalAvgPool(i, g);
    } else if (layer instanceof Layer.Dense d) {
      return dense(i, d);
    }
    throw new IllegalStateException("unexpected layer " + layer);
  }

  private int conv(int i, Layer.Conv2d c) {
    int x = tensorOf[c.input()];
    byte padding = Padding.VALID;
    if (isSame(c.kernel(), c.stride(), c.padding())) {
      padding = Padding.SAME;
    } else if (c.padding() > 0) {
      // TF's SAME pads asymmetrically for stride 2 (0 before, 1 after on even inputs), PyTorch
      // pads symmetrically: pad explicitly, then convolve VALID.
      x = pad(i, c.input(), c.padding());
    }
    int in = network.shape(c.input()).channels();
    int weights = tensors.convWeights(name(i) + "/weights", c, in);
    int bias = tensors.bias(name(i) + "/bias", c.bias(), x, weights);
    Conv2DOptions.startConv2DOptions(builder);
    Conv2DOptions.addPadding(builder, padding);
    Conv2DOptions.addStrideW(builder, c.stride());
    Conv2DOptions.addStrideH(builder, c.stride());
    int options = Conv2DOptions.endConv2DOptions(builder);
    return op(i, BuiltinOperator.CONV_2D, BuiltinOptions.Conv2DOptions, options, x, weights, bias);
  }

  /** Returns whether TF's SAME padding equals symmetric padding {@code padding} (odd k, stride 1). */
  private static boolean isSame(int kernel, int stride, int padding) {
    return padding > 0 && stride == 1 && kernel % 2 == 1 && padding == kernel / 2;
  }

  /** Emits a zero PAD of {@code p} on all four spatial sides of layer {@code input}'s tensor. */
  private int pad(int i, int input, int p) {
    int[] d = dimsOf[input];
    // int8 PAD fills with the zero point, which is why its output keeps the input's quantisation.
    int padded = tensors.activationLike(name(i) + "/padded",
        new int[] {d[0], d[1] + 2 * p, d[2] + 2 * p, d[3]}, tensorOf[input]);
    int paddings = writer.intConstant(name(i) + "/paddings", new int[] {4, 2},
        new int[] {0, 0, p, p, p, p, 0, 0});
    PadOptions.startPadOptions(builder);
    int options = PadOptions.endPadOptions(builder);
    operator(BuiltinOperator.PAD, BuiltinOptions.PadOptions, options,
        new int[] {tensorOf[input], paddings}, padded);
    return padded;
  }

  /**
   * float32: RELU. int8: a requantising QUANTIZE (int8 to int8) into the ReLU output's parameters,
   * whose zero point is -128, so every negative value saturates to real 0: exactly what the int8
   * RELU kernel computes (requantise, clamp at the zero point). XNNPACK 2.21 delegates int8
   * QUANTIZE but not int8 RELU, which would split the graph into dozens of partitions.
   */
  private int relu(int i, Layer.Relu r) {
    int out = tensors.reluOutput(name(i), dimsOf[i], ActivationKey.output(i));
    int builtin = tensors.quantized() ? BuiltinOperator.QUANTIZE : BuiltinOperator.RELU;
    operator(builtin, BuiltinOptions.NONE, 0, new int[] {tensorOf[r.input()]}, out);
    return out;
  }

  /**
   * TFLite's average pool (float and int8) excludes padding from the count, like NB201's pool. The
   * int8 output keeps the input's quantisation, as TFLite's spec requires.
   */
  private int avgPool(int i, Layer.AvgPool2d p) {
    byte padding;
    if (p.padding() == 0) {
      padding = Padding.VALID;
    } else if (isSame(p.kernel(), p.stride(), p.padding())) {
      padding = Padding.SAME;
    } else {
      throw new IllegalArgumentException("TFLite has no average pool with kernel " + p.kernel()
          + ", stride " + p.stride() + " and padding " + p.padding());
    }
    if (tensors.quantized()) {
      return avgPoolAsDepthwise(i, p, padding);
    }
    Pool2DOptions.startPool2DOptions(builder);
    Pool2DOptions.addPadding(builder, padding);
    Pool2DOptions.addStrideW(builder, p.stride());
    Pool2DOptions.addStrideH(builder, p.stride());
    Pool2DOptions.addFilterWidth(builder, p.kernel());
    Pool2DOptions.addFilterHeight(builder, p.kernel());
    int options = Pool2DOptions.endPool2DOptions(builder);
    int x = tensorOf[p.input()];
    int out = tensors.activationLike(name(i), dimsOf[i], x);
    operator(BuiltinOperator.AVERAGE_POOL_2D, BuiltinOptions.Pool2DOptions, options,
        new int[] {x}, out);
    return out;
  }

  /**
   * int8 average pool as ops XNNPACK delegates (it takes no int8 AVERAGE_POOL_2D): a DEPTHWISE_CONV_2D
   * with every weight {@code 1 / k^2} (exact in int8: 127 at scale {@code 1 / (127 k^2)}), whose
   * padding reads the zero point (real 0), then, with padding, a MUL by a constant {@code [1, H, W,
   * 1]} map of {@code k^2 / count}, where count is the number of real pixels under the window, so
   * border pixels are divided by that count, not by {@code k^2} (NB201's {@code
   * count_include_pad=False}). Both outputs keep the input's parameters, as AVERAGE_POOL_2D's do:
   * every value is a mean of input values and zeros.
   */
  private int avgPoolAsDepthwise(int i, Layer.AvgPool2d p, byte padding) {
    int x = tensorOf[p.input()];
    int[] d = dimsOf[i];
    int k = p.kernel();
    int weights = tensors.depthwiseWeights(name(i) + "/weights", k, d[3], 1f / (k * k));
    int bias = tensors.bias(name(i) + "/bias", new float[d[3]], x, weights);
    DepthwiseConv2DOptions.startDepthwiseConv2DOptions(builder);
    DepthwiseConv2DOptions.addPadding(builder, padding);
    DepthwiseConv2DOptions.addStrideW(builder, p.stride());
    DepthwiseConv2DOptions.addStrideH(builder, p.stride());
    DepthwiseConv2DOptions.addDepthMultiplier(builder, 1);
    DepthwiseConv2DOptions.addDilationWFactor(builder, 1);
    DepthwiseConv2DOptions.addDilationHFactor(builder, 1);
    int options = DepthwiseConv2DOptions.endDepthwiseConv2DOptions(builder);
    if (p.padding() == 0) {
      int out = tensors.activationLike(name(i), d, x);
      operator(BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOptions.DepthwiseConv2DOptions, options,
          new int[] {x, weights, bias}, out);
      return out;
    }
    int sum = tensors.activationLike(name(i) + "/padded_mean", d, x);
    operator(BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOptions.DepthwiseConv2DOptions, options,
        new int[] {x, weights, bias}, sum);
    int counts = tensors.constant(name(i) + "/count_correction", new int[] {1, d[1], d[2], 1},
        countCorrection(dimsOf[p.input()], d, p));
    int out = tensors.activationLike(name(i), d, x);
    int mulOptions = MulOptions.createMulOptions(builder, ActivationFunctionType.NONE);
    operator(BuiltinOperator.MUL, BuiltinOptions.MulOptions, mulOptions, new int[] {sum, counts},
        out);
    return out;
  }

  /** {@code k^2 / count} per output pixel, count = real (unpadded) input pixels in its window. */
  private static float[] countCorrection(int[] in, int[] out, Layer.AvgPool2d p) {
    int k = p.kernel();
    float[] c = new float[out[1] * out[2]];
    for (int y = 0; y < out[1]; y++) {
      int rows = covered(y * p.stride() - p.padding(), k, in[1]);
      for (int x = 0; x < out[2]; x++) {
        int cols = covered(x * p.stride() - p.padding(), k, in[2]);
        c[y * out[2] + x] = (float) (k * k) / (rows * cols);
      }
    }
    return c;
  }

  /** The number of indices of {@code [start, start + k)} inside {@code [0, size)}. */
  private static int covered(int start, int k, int size) {
    return Math.min(start + k, size) - Math.max(start, 0);
  }

  /** An n-way sum as a chain of binary ADDs; step k sums the first k + 1 inputs. */
  private int add(int i, Layer.Add a) {
    int[] in = a.inputs();
    int sum = tensorOf[in[0]];
    for (int k = 1; k < in.length; k++) {
      int out = k == in.length - 1
          ? tensors.activation(name(i), dimsOf[i], ActivationKey.output(i))
          : tensors.activation(name(i) + "/partial" + k, dimsOf[i],
              ActivationKey.partialSum(i, k + 1));
      operator(BuiltinOperator.ADD, BuiltinOptions.AddOptions, addOptions(),
          new int[] {sum, tensorOf[in[k]]}, out);
      sum = out;
    }
    return sum;
  }

  /** {@code x * scale + shift} as MUL and ADD with [C] constants broadcast over NHWC. */
  private int affine(int i, Layer.ChannelAffine a) {
    int scale = tensors.operand(name(i) + "/scale", a.scale());
    int shift = tensors.addend(name(i) + "/shift", a.shift(), ActivationKey.output(i));
    int scaled = tensors.activation(name(i) + "/scaled", dimsOf[i], ActivationKey.scaled(i));
    int mulOptions = MulOptions.createMulOptions(builder, ActivationFunctionType.NONE);
    operator(BuiltinOperator.MUL, BuiltinOptions.MulOptions, mulOptions,
        new int[] {tensorOf[a.input()], scale}, scaled);
    return op(i, BuiltinOperator.ADD, BuiltinOptions.AddOptions, addOptions(), scaled, shift);
  }

  private int globalAvgPool(int i, Layer.GlobalAvgPool g) {
    int axes = writer.intConstant(name(i) + "/axes", new int[] {2}, new int[] {1, 2});
    int options = ReducerOptions.createReducerOptions(builder, false);
    return op(i, BuiltinOperator.MEAN, BuiltinOptions.ReducerOptions, options,
        tensorOf[g.input()], axes);
  }

  private int dense(int i, Layer.Dense d) {
    int x = tensorOf[d.input()];
    int weights = tensors.denseWeights(name(i) + "/weights", d);
    int bias = tensors.bias(name(i) + "/bias", d.bias(), x, weights);
    FullyConnectedOptions.startFullyConnectedOptions(builder);
    int options = FullyConnectedOptions.endFullyConnectedOptions(builder);
    return op(i, BuiltinOperator.FULLY_CONNECTED, BuiltinOptions.FullyConnectedOptions, options,
        x, weights, bias);
  }

  private int addOptions() {
    AddOptions.startAddOptions(builder);
    return AddOptions.endAddOptions(builder);
  }

  /** Emits one operator whose output is layer {@code i}'s tensor; returns that tensor. */
  private int op(int i, int builtin, byte optionsType, int options, int... inputs) {
    int out = tensors.activation(name(i), dimsOf[i], ActivationKey.output(i));
    operator(builtin, optionsType, options, inputs, out);
    return out;
  }

  private void operator(int builtin, byte optionsType, int options, int[] inputs, int output) {
    writer.operator(builtin, tensors.version(builtin, inputs, output), optionsType, options,
        inputs, output);
  }

  /** Tensor names: the classifier's is derived from {@code logits}; others index and layer kind. */
  private String name(int i) {
    if (i == network.outputLayer()) {
      return tensors.classifierName(OUTPUT_NAME);
    }
    return network.layers().get(i).getClass().getSimpleName().toLowerCase(Locale.ROOT) + "_" + i;
  }
}
