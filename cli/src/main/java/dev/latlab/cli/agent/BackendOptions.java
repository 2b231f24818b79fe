package dev.latlab.cli.agent;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.Backends;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.cli.UserException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which runtime to measure with (a picocli mixin). */
public final class BackendOptions {
  @Option(names = "--backend", paramLabel = "NAME",
      description = "Runtime: onnxruntime or tflite. Default: ${DEFAULT-VALUE}.")
  String backend = "onnxruntime";

  @Option(names = "--threads", paramLabel = "N",
      description = "Intra-op threads of the runtime. Default: ${DEFAULT-VALUE}.")
  int threads = 1;

  @Option(names = "--backend-option", paramLabel = "KEY=VALUE",
      description = {"A backend setting, repeatable. onnxruntime: graph-optimization="
          + "none|basic|extended|all, inter-op-threads=N, execution-mode=sequential|parallel, "
          + "allow-spinning=true|false. tflite: xnnpack=true|false."})
  Map<String, String> settings = new LinkedHashMap<>();

  /**
   * Returns the configuration the options describe.
   *
   * @return the configuration
   * @throws UserException if a value is invalid
   */
  public BackendConfig config() {
    try {
      BackendConfig config = BackendConfig.of(backend, threads);
      for (Map.Entry<String, String> e : settings.entrySet()) {
        config = config.with(e.getKey(), e.getValue());
      }
      return config;
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /**
   * Creates the backend.
   *
   * @return the backend
   * @throws UserException if the backend or a setting is unknown or invalid, or the runtime cannot
   *     be loaded here
   */
  public InferenceBackend create() {
    try {
      return Backends.create(config());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new UserException("cannot start " + backend + ": " + e.getMessage(), e);
    }
  }
}
