package dev.latlab.agent.tflite;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.LoadedModel;
import dev.latlab.nb201.Precision;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.TfliteEmitter;

/**
 * The TFLite interpreter through JavaCPP; one fresh interpreter per loaded network, float32 or int8
 * (float32 input and output either way).
 */
final class TfliteBackend implements InferenceBackend {
  private final BackendConfig config;
  private final TfliteSettings settings;
  private final String runtimeVersion;

  TfliteBackend(BackendConfig config, TfliteSettings settings, String runtimeVersion) {
    this.config = config;
    this.settings = settings;
    this.runtimeVersion = runtimeVersion;
  }

  @Override
  public String name() {
    return TfliteBackendProvider.NAME;
  }

  @Override
  public String runtimeVersion() {
    return runtimeVersion;
  }

  @Override
  public BackendConfig config() {
    return config;
  }

  @Override
  public boolean supports(Precision precision) {
    return true;
  }

  @Override
  public LoadedModel load(Network network) {
    return TfliteModel.open(
        TfliteEmitter.toBytes(network), network, settings.xnnpack(), config.threads());
  }
}
