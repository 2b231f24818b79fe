package dev.latlab.agent.android.tflite;

import java.nio.ByteBuffer;

/**
 * The TFLite runtime under the Android backend: on a phone, the TFLite Android library's {@code
 * Interpreter} ({@link #android()}). The backend's own work (emitting the model, buffers, layout,
 * checks) is the same whatever runs underneath, which is how its contract is tested on the desktop
 * JVM, where the Android library's native code cannot load.
 */
public interface TfliteRuntime {
  /**
   * Returns the runtime's version, e.g. {@code 2.16.1}.
   *
   * @return the version
   * @throws IllegalStateException if the runtime cannot be loaded on this device
   */
  String version();

  /**
   * Checks that a delegate exists on this device before any model is loaded, so that a target
   * that asks for a missing GPU or NNAPI fails at once with a clear message.
   *
   * @param settings the settings
   * @throws IllegalStateException naming the delegate and why it is unavailable
   */
  void checkAvailable(InterpreterSettings settings);

  /**
   * Creates an interpreter on a model and allocates its tensors.
   *
   * @param model the {@code .tflite} flatbuffer in a direct buffer; must stay unmodified while the
   *     session lives
   * @param threads the interpreter's CPU threads
   * @param settings delegate and CPU kernels
   * @return the session; the caller closes it
   * @throws IllegalStateException if the runtime rejects the model or the delegate fails
   */
  TfliteSession open(ByteBuffer model, int threads, InterpreterSettings settings);

  /**
   * Returns the TFLite Android library's Interpreter. Only works on Android (its native library
   * is built for Android's libc).
   *
   * @return the runtime
   */
  static TfliteRuntime android() {
    return new AndroidInterpreterRuntime();
  }

  /** One interpreter with its model and delegate. Not thread-safe. */
  interface TfliteSession extends AutoCloseable {
    /**
     * Returns the byte size of input tensor 0.
     *
     * @return bytes
     */
    int inputBytes();

    /**
     * Returns the byte size of output tensor 0.
     *
     * @return bytes
     */
    int outputBytes();

    /**
     * Runs one inference: the timed call.
     *
     * @param input input tensor 0's bytes, native order, position 0
     * @param output receives output tensor 0's bytes, native order, position 0
     * @throws IllegalStateException if the runtime fails
     */
    void run(ByteBuffer input, ByteBuffer output);

    /** Releases the interpreter, then its delegate. */
    @Override
    void close();
  }
}
