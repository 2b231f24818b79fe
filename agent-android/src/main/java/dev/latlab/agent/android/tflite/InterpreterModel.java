package dev.latlab.agent.android.tflite;

import dev.latlab.agent.Layouts;
import dev.latlab.agent.LoadedModel;
import dev.latlab.agent.android.tflite.TfliteRuntime.TfliteSession;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.Shape;
import dev.latlab.nb201.net.TfliteEmitter;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One network in a TFLite session. The model, input and output live in direct buffers in native
 * order, allocated once, so {@link #run()} copies nothing and allocates nothing: the timed call is
 * the interpreter's alone. Not thread-safe.
 */
final class InterpreterModel implements LoadedModel {
  private static final int FLOAT_BYTES = 4;

  private final Shape inputShape;
  private final int outputSize;
  private final float[] nhwc;
  private final ByteBuffer input;
  private final ByteBuffer output;
  private TfliteSession session;
  private boolean hasInput;
  private boolean hasRun;

  private InterpreterModel(Network network) {
    inputShape = network.inputShape();
    outputSize = network.spec().batch() * network.classes();
    nhwc = new float[inputShape.size()];
    input = direct(FLOAT_BYTES * inputShape.size());
    output = direct(FLOAT_BYTES * outputSize);
  }

  /**
   * Emits the network as TFLite and opens a session on it.
   *
   * @throws IllegalStateException if the runtime rejects the model or its tensors are not the
   *     float32 input and logits the network has
   */
  static InterpreterModel open(TfliteRuntime runtime, Network network, int threads,
      InterpreterSettings settings) {
    InterpreterModel loaded = new InterpreterModel(network);
    byte[] bytes = TfliteEmitter.toBytes(network);
    ByteBuffer model = direct(bytes.length).put(bytes);
    rewind(model);
    loaded.session = runtime.open(model, threads, settings);
    try {
      loaded.checkTensorSizes();
      return loaded;
    } catch (RuntimeException e) {
      loaded.close();
      throw e;
    }
  }

  private void checkTensorSizes() {
    if (session.inputBytes() != input.capacity() || session.outputBytes() != output.capacity()) {
      throw new IllegalStateException("TFLite tensors have " + session.inputBytes() + " and "
          + session.outputBytes() + " bytes, expected float32 " + inputShape + " input and "
          + outputSize + " logits");
    }
  }

  @Override
  public void setInput(float[] nchw) {
    checkOpen();
    if (nchw.length != nhwc.length) {
      throw new IllegalArgumentException(
          "input has " + nchw.length + " values, the network expects " + nhwc.length);
    }
    Layouts.nchwToNhwc(nchw, nhwc, inputShape);
    rewind(input);
    input.asFloatBuffer().put(nhwc);
    hasInput = true;
  }

  @Override
  public void run() {
    checkOpen();
    if (!hasInput) {
      throw new IllegalStateException("setInput must be called before run");
    }
    rewind(input);
    rewind(output);
    session.run(input, output);
    hasRun = true;
  }

  @Override
  public float[] output() {
    checkOpen();
    if (!hasRun) {
      throw new IllegalStateException("run has not completed yet");
    }
    float[] logits = new float[outputSize];
    rewind(output);
    output.asFloatBuffer().get(logits);
    return logits;
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  private void checkOpen() {
    if (session == null) {
      throw new IllegalStateException("model is closed");
    }
  }

  /**
   * Rewinds through {@link Buffer}: Java 9's covariant {@code ByteBuffer.rewind()} is missing on
   * older Android releases, where calling it would throw NoSuchMethodError.
   */
  private static void rewind(Buffer buffer) {
    buffer.rewind();
  }

  private static ByteBuffer direct(int bytes) {
    return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
  }
}
