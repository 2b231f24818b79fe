package dev.latlab.nb201.net;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.FloatBuffer;
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
 * and {@code Dense}) are rank 2, {@code [N, C]}, all others {@code [N, H, W, C]}.
 */
final class TfliteLayerMapper {
  private final Network network;
  private final TfliteModelWriter writer;
  private final FlatBufferBuilder builder;
  /** TFLite tensor index of each IR layer's output. */
  private final int[] tensorOf;
  /** TFLite shape of each IR layer's output. */
  private final int[][] dimsOf;

  private TfliteLayerMapper(Network network, TfliteModelWriter writer) {
    this.network = network;
    this.writer = writer;
    this.builder = writer.builder();
    this.tensorOf = new int[network.layers().size()];
    this.dimsOf = new int[network.layers().size()][];
  }

  /**
   * Emits every layer of the network through the writer.
   *
   * @return the TFLite tensor index of each layer's output
   */
  static int[] map(Network network, TfliteModelWriter writer) {
    TfliteLayerMapper mapper = new TfliteLayerMapper(network, writer);
    for (int i = 0; i < mapper.tensorOf.length; i++) {
      mapper.dimsOf[i] = mapper.dims(i);
      mapper.tensorOf[i] = mapper.emit(i);
    }
    return mapper.tensorOf;
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
    if (layer instanceof Layer.Input) {
      return writer.activation("input", dimsOf[i]);
    } else if (layer instanceof Layer.Conv2d c) {
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
    int k = c.kernel();
    int weights = writer.floatConstant(name(i) + "/weights", new int[] {c.outChannels(), k, k, in},
        c.weights().length, out -> writeOhwi(c.weights(), c.outChannels(), in, k, out));
    int bias = writer.floatConstant(name(i) + "/bias", new int[] {c.outChannels()}, c.bias());
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

  /** Rewrites OIHW weights in the OHWI order TFLite's CONV_2D reads. */
  private static void writeOhwi(float[] w, int outC, int inC, int k, FloatBuffer out) {
    for (int o = 0; o < outC; o++) {
      for (int y = 0; y < k; y++) {
        for (int x = 0; x < k; x++) {
          int base = (o * inC * k + y) * k + x;
          for (int c = 0; c < inC; c++) {
            out.put(w[base + c * k * k]);
          }
        }
      }
    }
  }

  /** Emits a zero PAD of {@code p} on all four spatial sides of layer {@code input}'s tensor. */
  private int pad(int i, int input, int p) {
    int[] d = dimsOf[input];
    int padded = writer.activation(name(i) + "/padded",
        new int[] {d[0], d[1] + 2 * p, d[2] + 2 * p, d[3]});
    int paddings = writer.intConstant(name(i) + "/paddings", new int[] {4, 2},
        new int[] {0, 0, p, p, p, p, 0, 0});
    PadOptions.startPadOptions(builder);
    int options = PadOptions.endPadOptions(builder);
    writer.operator(BuiltinOperator.PAD, BuiltinOptions.PadOptions, options,
        new int[] {tensorOf[input], paddings}, padded);
    return padded;
  }

  /** TFLite's float average pool excludes padding from the count, like NB201's pool. */
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
    return op(i, BuiltinOperator.AVERAGE_POOL_2D, BuiltinOptions.Pool2DOptions, options,
        tensorOf[p.input()]);
  }

  /** An n-way sum as a chain of binary ADDs. */
  private int add(int i, Layer.Add a) {
    int[] in = a.inputs();
    int sum = tensorOf[in[0]];
    for (int k = 1; k < in.length; k++) {
      int out = k == in.length - 1
          ? writer.activation(name(i), dimsOf[i])
          : writer.activation(name(i) + "/partial" + k, dimsOf[i]);
      writer.operator(BuiltinOperator.ADD, BuiltinOptions.AddOptions, addOptions(),
          new int[] {sum, tensorOf[in[k]]}, out);
      sum = out;
    }
    return sum;
  }

  /** {@code x * scale + shift} as MUL and ADD with [C] constants broadcast over NHWC. */
  private int affine(int i, Layer.ChannelAffine a) {
    int c = a.scale().length;
    int scale = writer.floatConstant(name(i) + "/scale", new int[] {c}, a.scale());
    int shift = writer.floatConstant(name(i) + "/shift", new int[] {c}, a.shift());
    int scaled = writer.activation(name(i) + "/scaled", dimsOf[i]);
    int mulOptions = MulOptions.createMulOptions(builder, ActivationFunctionType.NONE);
    writer.operator(BuiltinOperator.MUL, BuiltinOptions.MulOptions, mulOptions,
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
    int in = d.weights().length / d.outFeatures();
    int weights = writer.floatConstant(name(i) + "/weights",
        new int[] {d.outFeatures(), in}, d.weights());
    int bias = writer.floatConstant(name(i) + "/bias", new int[] {d.outFeatures()}, d.bias());
    FullyConnectedOptions.startFullyConnectedOptions(builder);
    int options = FullyConnectedOptions.endFullyConnectedOptions(builder);
    return op(i, BuiltinOperator.FULLY_CONNECTED, BuiltinOptions.FullyConnectedOptions, options,
        tensorOf[d.input()], weights, bias);
  }

  private int addOptions() {
    AddOptions.startAddOptions(builder);
    return AddOptions.endAddOptions(builder);
  }

  /** Emits one operator whose output is layer {@code i}'s tensor; returns that tensor. */
  private int op(int i, int builtin, byte optionsType, int options, int... inputs) {
    int out = writer.activation(name(i), dimsOf[i]);
    writer.operator(builtin, optionsType, options, inputs, out);
    return out;
  }

  /** Tensor names: {@code logits} for the classifier output, else index and layer kind. */
  private String name(int i) {
    if (i == network.outputLayer()) {
      return "logits";
    }
    return network.layers().get(i).getClass().getSimpleName().toLowerCase(Locale.ROOT) + "_" + i;
  }
}
