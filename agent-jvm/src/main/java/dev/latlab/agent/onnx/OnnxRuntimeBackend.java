package dev.latlab.agent.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.LoadedModel;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.OnnxEmitter;

/** ONNX Runtime on the CPU execution provider; one fresh {@link OrtSession} per loaded network. */
final class OnnxRuntimeBackend implements InferenceBackend {
  private final BackendConfig config;
  private final OnnxRuntimeSettings settings;
  /** ORT's process-wide environment; its close() is a no-op, so it is never closed. */
  private final OrtEnvironment environment;
  private final String runtimeVersion;

  OnnxRuntimeBackend(
      BackendConfig config, OnnxRuntimeSettings settings, OrtEnvironment environment) {
    this.config = config;
    this.settings = settings;
    this.environment = environment;
    this.runtimeVersion = OnnxRuntimeBackendProvider.NAME + " " + ortVersion(environment);
  }

  @Override
  public String name() {
    return OnnxRuntimeBackendProvider.NAME;
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
  public LoadedModel load(Network network) {
    byte[] model = OnnxEmitter.toBytes(network);
    // ORT copies what it needs from the options into the session, so they are closed right away.
    try (SessionOptions options = settings.toSessionOptions(config.threads())) {
      OrtSession session = environment.createSession(model, options);
      return new OnnxRuntimeModel(environment, session, network);
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime could not load the network of cell " + network.arch().vector(), e);
    }
  }

  /** The native library's version; the jar's version if this ORT build reports none. */
  private static String ortVersion(OrtEnvironment environment) {
    String version = environment.getVersion();
    if (version == null || version.isBlank()) {
      version = OrtEnvironment.class.getPackage().getImplementationVersion();
    }
    return version != null ? version : "unknown";
  }
}
