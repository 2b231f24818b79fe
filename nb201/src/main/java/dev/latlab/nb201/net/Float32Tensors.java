package dev.latlab.nb201.net;

import java.util.Arrays;

/** float32 tensors and constants, version-1 kernels: the IR as it is. */
final class Float32Tensors implements TfliteTensors {
  private final TfliteModelWriter writer;

  Float32Tensors(TfliteModelWriter writer) {
    this.writer = writer;
  }

  @Override
  public int fromGraphInput(int input, int[] dims) {
    return input;
  }

  @Override
  public int toGraphOutput(int classifier, String name, int[] dims) {
    return classifier;
  }

  @Override
  public String classifierName(String graphOutputName) {
    return graphOutputName;
  }

  @Override
  public int activation(String name, int[] dims, ActivationKey value) {
    return writer.activation(name, dims);
  }

  @Override
  public int activationLike(String name, int[] dims, int like) {
    return writer.activation(name, dims);
  }

  @Override
  public boolean quantized() {
    return false;
  }

  @Override
  public int reluOutput(String name, int[] dims, ActivationKey value) {
    return writer.activation(name, dims);
  }

  @Override
  public int depthwiseWeights(String name, int kernel, int channels, float value) {
    float[] w = new float[kernel * kernel * channels];
    Arrays.fill(w, value);
    return writer.floatConstant(name, new int[] {1, kernel, kernel, channels}, w);
  }

  @Override
  public int constant(String name, int[] shape, float[] values) {
    return writer.floatConstant(name, shape, values);
  }

  @Override
  public int convWeights(String name, Layer.Conv2d conv, int inChannels) {
    float[] w = conv.weights();
    return writer.floatConstant(name, OhwiOrder.shape(conv, inChannels), w.length,
        out -> OhwiOrder.forEachRow(conv.outChannels(), inChannels, conv.kernel(),
            (o, start, stride, n) -> {
              for (int c = 0; c < n; c++) {
                out.put(w[start + c * stride]);
              }
            }));
  }

  @Override
  public int denseWeights(String name, Layer.Dense dense) {
    int in = dense.weights().length / dense.outFeatures();
    return writer.floatConstant(name, new int[] {dense.outFeatures(), in}, dense.weights());
  }

  @Override
  public int bias(String name, float[] bias, int input, int weights) {
    return writer.floatConstant(name, new int[] {bias.length}, bias);
  }

  @Override
  public int operand(String name, float[] values) {
    return writer.floatConstant(name, new int[] {values.length}, values);
  }

  @Override
  public int addend(String name, float[] values, ActivationKey sum) {
    return operand(name, values);
  }

  @Override
  public int version(int builtin, int[] inputs, int output) {
    return 1;
  }
}
