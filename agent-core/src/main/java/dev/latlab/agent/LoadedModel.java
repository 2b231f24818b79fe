package dev.latlab.agent;

/**
 * A network loaded into a runtime session, ready to run. Not thread-safe. Only {@link #run()} is
 * timed; everything that prepares it (layout conversion, copying the input) happens before.
 */
public interface LoadedModel extends AutoCloseable {
  /**
   * Sets the input for the following runs.
   *
   * @param nchw the input in NCHW order, {@code network.inputShape().size()} values; the backend
   *     converts it to its own layout here, outside the timed call
   * @throws IllegalArgumentException if the length does not match the network's input
   */
  void setInput(float[] nchw);

  /**
   * Runs one inference on the current input. This call, and nothing else, is what the protocol
   * times.
   *
   * @throws IllegalStateException if the runtime fails (wrapping its exception)
   */
  void run();

  /**
   * Returns the logits of the last run.
   *
   * @return {@code batch x classes} values, row-major
   */
  float[] output();

  /** Releases the session and its native memory. */
  @Override
  void close();
}
