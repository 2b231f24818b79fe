package dev.latlab.nb201.net;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.Locale;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
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
      return op(i, BuiltinOperator.RELU, BuiltinOptions.NONE, 0, tensorOf[r.input()]);
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
    int shift = tensors.operand(name(i) + "/shift", a.shift());
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
