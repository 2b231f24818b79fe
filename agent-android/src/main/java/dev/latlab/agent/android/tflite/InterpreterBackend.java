package dev.latlab.agent.android.tflite;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.LoadedModel;
import dev.latlab.nb201.Precision;
import dev.latlab.nb201.net.Network;

/** The TFLite Interpreter backend: one fresh interpreter (and delegate) per loaded network. */
final class InterpreterBackend implements InferenceBackend {
  private final BackendConfig config;
  private final InterpreterSettings settings;
  private final TfliteRuntime runtime;
  private final String runtimeVersion;

  InterpreterBackend(BackendConfig config, InterpreterSettings settings, TfliteRuntime runtime,
      String runtimeVersion) {
    this.config = config;
    this.settings = settings;
    this.runtime = runtime;
    this.runtimeVersion = runtimeVersion;
  }

  @Override
  public String name() {
    return InterpreterBackendProvider.NAME;
  }

  @Override
  public String runtimeVersion() {
    return runtimeVersion;
  }

  @Override
  public BackendConfig config() {
    return config;
  }

  /** Both precisions: int8 networks keep float32 input and logits (QUANTIZE / DEQUANTIZE inside). */
  @Override
  public boolean supports(Precision precision) {
    return true;
  }

  @Override
  public LoadedModel load(Network network) {
    return InterpreterModel.open(runtime, network, config.threads(), settings);
  }
}
