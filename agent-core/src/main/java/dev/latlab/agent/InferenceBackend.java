package dev.latlab.agent;

import dev.latlab.nb201.Precision;
import dev.latlab.nb201.net.Network;

/**
 * A runtime that runs generated networks: ONNX Runtime and TFLite on the JVM, the TFLite Interpreter on
 * Android. A backend is configured once ({@link BackendConfig}); its {@link #identity()} is part of
 * every measurement's identity, because the same network runs at different speeds with different
 * threads, delegates or graph optimisations.
 */
public interface InferenceBackend {
  /**
   * Returns the backend's name as used on the command line, e.g. {@code onnxruntime}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the runtime library and its version, e.g. {@code onnxruntime 1.29.0}.
   *
   * @return name and version
   */
  String runtimeVersion();

  /**
   * Returns the configuration this backend was created with, every setting resolved (defaults
   * included).
   *
   * @return the resolved configuration
   */
  BackendConfig config();

  /**
   * Returns the string that identifies the measurement conditions: name, runtime version and every
   * resolved setting, in a fixed order.
   *
   * @return e.g. {@code onnxruntime 1.29.0 threads=1 graph-optimization=all inter-op-threads=1}
   */
  default String identity() {
    return runtimeVersion() + " " + config().settingsString();
  }

  /**
   * Returns whether this backend runs networks of a precision ({@link
   * dev.latlab.nb201.NetworkSpec#precision()}). The default is float32 only; TFLite backends also
   * run int8.
   *
   * @param precision the precision
   * @return true if {@link #load} accepts networks of that precision
   */
  default boolean supports(Precision precision) {
    return precision == Precision.FP32;
  }

  /**
   * Serialises a network in this backend's format and opens a fresh session on it. Each network gets
   * its own session, so nothing measured depends on what ran before.
   *
   * @param network the network
   * @return a loaded model; the caller closes it
   * @throws IllegalArgumentException if the backend does not {@link #supports support} the
   *     network's precision
   * @throws IllegalStateException if the runtime rejects the model (wrapping its exception)
   */
  LoadedModel load(Network network);
}
