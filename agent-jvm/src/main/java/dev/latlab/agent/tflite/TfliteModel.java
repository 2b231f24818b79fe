package dev.latlab.agent.tflite;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import dev.latlab.agent.Layouts;
import dev.latlab.agent.LoadedModel;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.Shape;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;

/**
 * One network in a TFLite interpreter. Owns four native objects, released in reverse order of
 * creation: the model bytes (the flatbuffer reads them in place, so they live as long as it does),
 * the flatbuffer model (the interpreter reads its weights), the op resolver (it created the kernels
 * and delegate the interpreter runs) and the interpreter. Not thread-safe.
 */
final class TfliteModel implements LoadedModel {
  /** The custom name TFLite gives the node that stands for the XNNPACK-delegated subgraph. */
  private static final String XNNPACK_NODE = "TfLiteXNNPackDelegate";

  private final Shape inputShape;
  private final int outputSize;
  /** Scratch for the NCHW to NHWC conversion, reused by every setInput. */
  private final float[] nhwc;

  private BytePointer modelBytes;
  private FlatBufferModel flatBuffer;
  private BuiltinOpResolver resolver;
  private Interpreter interpreter;
  /** Views of the interpreter's input and output buffers, fixed after AllocateTensors. */
  private FloatPointer input;

  private FloatPointer output;
  private boolean hasInput;
  private boolean hasRun;
  private boolean closed;

  private TfliteModel(Network network) {
    this.inputShape = network.inputShape();
    this.outputSize = network.spec().batch() * network.classes();
    this.nhwc = new float[inputShape.size()];
  }

  /**
   * Builds an interpreter on a serialised model and allocates its tensors.
   *
   * @param model the {@code .tflite} flatbuffer
   * @param network the network it was emitted from
   * @param xnnpack whether to apply the default XNNPACK delegate
   * @param threads the interpreter's (and delegate's) thread count
   * @return the loaded model; the caller closes it
   * @throws IllegalStateException if TFLite rejects the model at any step
   */
  static TfliteModel open(byte[] model, Network network, boolean xnnpack, int threads) {
    TfliteModel loaded = new TfliteModel(network);
    try {
      loaded.build(model, xnnpack, threads);
      return loaded;
    } catch (RuntimeException e) {
      loaded.close();
      throw e;
    }
  }

  private void build(byte[] model, boolean xnnpack, int threads) {
    modelBytes = new BytePointer(model);
    flatBuffer = FlatBufferModel.BuildFromBuffer(modelBytes, model.length);
    if (flatBuffer == null || flatBuffer.isNull()) {
      throw new IllegalStateException("TFLite could not parse the model");
    }
    resolver = xnnpack ? new BuiltinOpResolver() : new BuiltinOpResolverWithoutDefaultDelegates();
    interpreter = new Interpreter((Pointer) null);
    try (InterpreterBuilder builder = new InterpreterBuilder(flatBuffer, resolver)) {
      check(builder.SetNumThreads(threads), "setting " + threads + " threads");
      check(builder.apply(interpreter), "building the interpreter");
    }
    // Applies the default delegate (XNNPACK) too, when the resolver provides one.
    check(interpreter.AllocateTensors(), "allocating tensors");
    checkTensorSizes();
    input = interpreter.typed_input_tensor_float(0);
    output = interpreter.typed_output_tensor_float(0);
  }

  private void checkTensorSizes() {
    long inputBytes = interpreter.input_tensor(0).bytes();
    long outputBytes = interpreter.output_tensor(0).bytes();
    if (inputBytes != 4L * inputShape.size() || outputBytes != 4L * outputSize) {
      throw new IllegalStateException("TFLite tensors have " + inputBytes + " and " + outputBytes
          + " bytes, expected float32 " + inputShape + " input and " + outputSize + " logits");
    }
  }

  /** Converts the input to NHWC and copies it into the interpreter's input tensor. */
  @Override
  public void setInput(float[] nchw) {
    checkOpen();
    if (nchw.length != nhwc.length) {
      throw new IllegalArgumentException(
          "input has " + nchw.length + " values, the network expects " + nhwc.length);
    }
    Layouts.nchwToNhwc(nchw, nhwc, inputShape);
    input.put(nhwc);
    hasInput = true;
  }

  @Override
  public void run() {
    checkOpen();
    if (!hasInput) {
      throw new IllegalStateException("setInput must be called before run");
    }
    int status = interpreter.Invoke();
    if (status != kTfLiteOk) {
      throw new IllegalStateException("TFLite Invoke failed with status " + status);
    }
    hasRun = true;
  }

  @Override
  public float[] output() {
    checkOpen();
    if (!hasRun) {
      throw new IllegalStateException("run has not completed yet");
    }
    float[] logits = new float[outputSize];
    output.get(logits);
    return logits;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    input = null;
    output = null;
    // Reverse order of creation: each object is read by the ones created after it.
    interpreter = release(interpreter);
    resolver = release(resolver);
    flatBuffer = release(flatBuffer);
    modelBytes = release(modelBytes);
  }

  /**
   * Returns whether the XNNPACK delegate took over (part of) the graph: it replaces the nodes it
   * runs with one node of its own in the execution plan.
   *
   * @return true if a node of the execution plan is the XNNPACK delegate's
   */
  // Visible for testing
  boolean delegatesToXnnpack() {
    checkOpen();
    IntPointer plan = interpreter.execution_plan();
    for (long i = 0; i < plan.limit(); i++) {
      BytePointer name = interpreter.node_and_registration(plan.get(i)).second().custom_name();
      if (name != null && !name.isNull() && XNNPACK_NODE.equals(name.getString())) {
        return true;
      }
    }
    return false;
  }

  private static void check(int status, String step) {
    if (status != kTfLiteOk) {
      throw new IllegalStateException("TFLite failed " + step + ": status " + status);
    }
  }

  private static <P extends Pointer> P release(P pointer) {
    if (pointer != null) {
      pointer.close();
    }
    return null;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("model is closed");
    }
  }
}
