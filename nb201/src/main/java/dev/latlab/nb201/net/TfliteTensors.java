package dev.latlab.nb201.net;

/**
 * The part of TFLite emission that depends on {@link dev.latlab.nb201.Precision}: how the {@link
 * TfliteLayerMapper}'s tensors are typed, how its constants are stored and which kernel version
 * each operator needs. The mapper decides operators, options and shapes; an implementation decides
 * element types and quantisation. One instance per model.
 */
interface TfliteTensors {
  /**
   * Returns the tensor the first operator reads, given the graph's float32 input tensor (int8 adds
   * a QUANTIZE).
   */
  int fromGraphInput(int input, int[] dims);

  /**
   * Returns the graph's float32 output tensor, named {@code name}, given the classifier's output
   * tensor (int8 adds a DEQUANTIZE).
   */
  int toGraphOutput(int classifier, String name, int[] dims);

  /** Returns the name of the classifier's own output tensor. */
  String classifierName(String graphOutputName);

  /** Adds a run-time tensor holding {@code value}. */
  int activation(String name, int[] dims, ActivationKey value);

  /**
   * Adds a run-time tensor typed and quantised like tensor {@code like}: the output of an op that
   * only moves values (PAD, AVERAGE_POOL_2D), which TFLite's int8 spec requires to keep the input's
   * scale and zero point.
   */
  int activationLike(String name, int[] dims, int like);

  /** Returns whether tensors are int8 (the mapper then emits ops XNNPACK delegates for int8). */
  boolean quantized();

  /**
   * Adds the output tensor of a ReLU; int8 gives it zero point -128, so that requantising into it
   * clamps at 0.
   */
  int reluOutput(String name, int[] dims, ActivationKey value);

  /** Adds depthwise weights {@code [1, k, k, channels]}, every one {@code value}. */
  int depthwiseWeights(String name, int kernel, int channels, float value);

  /** Adds a constant of any shape, {@code values} in row-major order. */
  int constant(String name, int[] shape, float[] values);

  /** Adds a convolution's weights, OHWI ({@code [out, k, k, in]}). */
  int convWeights(String name, Layer.Conv2d conv, int inChannels);

  /** Adds a classifier's weights, {@code [out, in]}. */
  int denseWeights(String name, Layer.Dense dense);

  /** Adds the bias of an op that reads tensor {@code input} with weights tensor {@code weights}. */
  int bias(String name, float[] bias, int input, int weights);

  /** Adds a per-channel operand {@code [C]} that MUL or ADD broadcasts over NHWC. */
  int operand(String name, float[] values);

  /**
   * Adds a per-channel operand {@code [C]} that an ADD whose output holds {@code sum} broadcasts
   * over NHWC (int8: with a scale XNNPACK accepts next to the sum's).
   */
  int addend(String name, float[] values, ActivationKey sum);

  /** Returns the kernel version an operator needs for the types of its tensors. */
  int version(int builtin, int[] inputs, int output);
}
