package dev.latlab.agent.android.tflite;

import org.tensorflow.lite.Interpreter;

/**
 * Turns the backend's settings into the Interpreter's options. Pure Java (no native code runs until
 * an Interpreter is built), so what the phone is asked for is checked on the JVM.
 */
final class InterpreterOptions {
  private InterpreterOptions() {}

  /**
   * Returns the options without any delegate; the caller adds the GPU or NNAPI delegate.
   *
   * @param threads CPU threads
   * @param settings the settings; {@code xnnpack} decides the CPU kernels
   * @return the options
   */
  static Interpreter.Options of(int threads, InterpreterSettings settings) {
    Interpreter.Options options = new Interpreter.Options();
    options.setNumThreads(threads);
    // Explicit either way: the library's default for XNNPACK has changed between releases.
    options.setUseXNNPACK(settings.xnnpack());
    // Never the deprecated NNAPI flag: NNAPI comes as an explicit delegate we own and close.
    options.setUseNNAPI(false);
    return options;
  }
}
