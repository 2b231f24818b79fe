package dev.latlab.agent.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.latlab.agent.LoadedModel;
import dev.latlab.nb201.net.Network;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One network in an {@link OrtSession}. The input tensor is built once per {@link #setInput}, so
 * {@link #run()} is the session call and nothing else of note. Not thread-safe.
 */
final class OnnxRuntimeModel implements LoadedModel {
  /** The graph's input and output names, fixed by {@code OnnxEmitter}. */
  private static final String INPUT = "input";

  private static final String OUTPUT = "logits";

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final long[] inputShape;
  private final int inputSize;
  /** The native input tensor and the map passed to every run; null until setInput. */
  private OnnxTensor input;

  private Map<String, OnnxTensor> inputs;
  /** The last run's result (owns the native logits tensor); null before the first run. */
  private OrtSession.Result last;

  private boolean closed;

  OnnxRuntimeModel(OrtEnvironment environment, OrtSession session, Network network) {
    this.environment = environment;
    this.session = session;
    this.inputShape = network.inputShape().nchw();
    this.inputSize = network.inputShape().size();
  }

  /**
   * Copies the input into a native tensor (ORT copies a heap buffer into its own direct buffer),
   * replacing the previous one.
   */
  @Override
  public void setInput(float[] nchw) {
    checkOpen();
    if (nchw.length != inputSize) {
      throw new IllegalArgumentException(
          "input has " + nchw.length + " values, the network expects " + inputSize);
    }
    OnnxTensor tensor = createTensor(nchw);
    closeInput();
    input = tensor;
    inputs = Map.of(INPUT, tensor);
  }

  @Override
  public void run() {
    checkOpen();
    if (inputs == null) {
      throw new IllegalStateException("setInput must be called before run");
    }
    // The previous result is released here, inside the timed call, on purpose. Releasing it
    // anywhere outside run() (output(), close()) would keep one result per run alive whenever the
    // caller times many runs without reading the output: unbounded native memory. Here the cost
    // is one small OrtValue free (measured ~1-5 us against 0.25-3 ms runs), the same for every
    // run and every network, and it hands the logits buffer back to ORT's arena just before the
    // session allocates a same-sized one, so every run sees the same warm allocation.
    closeResult();
    try {
      last = session.run(inputs);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime inference failed", e);
    }
  }

  @Override
  public float[] output() {
    checkOpen();
    if (last == null) {
      throw new IllegalStateException("run has not completed yet");
    }
    OnnxTensor logits = (OnnxTensor) last.get(OUTPUT).orElseThrow();
    FloatBuffer values = logits.getFloatBuffer();
    float[] out = new float[values.remaining()];
    values.get(out);
    return out;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeResult();
    closeInput();
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not close the session", e);
    }
  }

  /** The session, for {@link BareTimingLoop}. */
  OrtSession session() {
    return session;
  }

  /** The input map of the last {@link #setInput}, for {@link BareTimingLoop}. */
  Map<String, OnnxTensor> inputs() {
    return inputs;
  }

  private OnnxTensor createTensor(float[] nchw) {
    try {
      return OnnxTensor.createTensor(environment, FloatBuffer.wrap(nchw), inputShape);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not create the input tensor", e);
    }
  }

  private void closeResult() {
    if (last != null) {
      last.close();
      last = null;
    }
  }

  private void closeInput() {
    if (input != null) {
      input.close();
      input = null;
      inputs = null;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("model is closed");
    }
  }
}
