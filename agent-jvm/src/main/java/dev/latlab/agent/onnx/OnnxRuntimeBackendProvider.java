package dev.latlab.agent.onnx;

import ai.onnxruntime.OrtEnvironment;
import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.BackendProvider;
import dev.latlab.agent.InferenceBackend;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Provides the {@code onnxruntime} backend: ONNX Runtime on its CPU execution provider, with
 * {@link BackendConfig#threads()} intra-op threads. Settings:
 *
 * <ul>
 *   <li>{@code graph-optimization}: {@code none}, {@code basic}, {@code extended} or {@code all}.
 *       If unset, defaults to {@code all}.
 *   <li>{@code inter-op-threads}: threads for independent nodes, used only in parallel execution
 *       mode. If unset, defaults to 1.
 *   <li>{@code execution-mode}: {@code sequential} or {@code parallel}. If unset, defaults to
 *       {@code sequential}.
 *   <li>{@code allow-spinning}: {@code true} or {@code false}, ORT's session config entry {@code
 *       session.intra_op.allow_spinning}. When true, intra-op pool threads busy-wait for the next
 *       parallel section instead of sleeping: runs start faster but the pool burns CPU between
 *       runs, which on a small device competes with everything else (including a second model's
 *       pool). With {@code threads=1} there is no pool and the setting has no effect. If unset,
 *       defaults to {@code true} (ORT's own default).
 * </ul>
 */
public final class OnnxRuntimeBackendProvider implements BackendProvider {
  /** The backend's name. */
  static final String NAME = "onnxruntime";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public OnnxRuntimeBackendProvider() {}

  /**
   * Returns {@code onnxruntime}.
   *
   * @return the backend's name
   */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Returns {@code graph-optimization}, {@code inter-op-threads}, {@code execution-mode} and {@code
   * allow-spinning}, each with its description and default.
   *
   * @return setting name to description
   */
  @Override
  public Map<String, String> settings() {
    return OnnxRuntimeSettings.DESCRIPTIONS;
  }

  /**
   * Creates an ONNX Runtime backend; its {@code config()} carries every setting, defaults included.
   *
   * @param config the configuration, named {@code onnxruntime}
   * @return the backend
   * @throws IllegalArgumentException naming the setting if a setting is unknown or invalid, or if
   *     the configuration names another backend
   * @throws IllegalStateException if ONNX Runtime's native library cannot be loaded
   */
  @Override
  public InferenceBackend create(BackendConfig config) {
    if (!NAME.equals(config.backend())) {
      throw new IllegalArgumentException("not an onnxruntime configuration: " + config.backend());
    }
    OnnxRuntimeSettings settings = OnnxRuntimeSettings.resolve(config.settings());
    BackendConfig resolved = new BackendConfig(NAME, config.threads(), settings.asMap());
    return new OnnxRuntimeBackend(resolved, settings, environment());
  }

  /** Stack of the thread that first initialises ONNX Runtime (see {@link #environment()}). */
  private static final long INIT_STACK_BYTES = 64L << 20;

  /**
   * Returns ORT's environment, initialised on a thread with a large stack: ORT 1.29's native start-up
   * overflows a 1 MB stack when the process's command line is long (a JVM started with an explicit
   * class path of a few KB dies with SIGSEGV), and the main thread's stack cannot be enlarged from
   * here. Later calls return the same environment at once.
   */
  private static OrtEnvironment environment() {
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread init = new Thread(null, () -> {
      try {
        outcome.set(OrtEnvironment.getEnvironment());
      } catch (RuntimeException | LinkageError e) {
        outcome.set(e);
      }
    }, "onnxruntime-init", INIT_STACK_BYTES);
    init.start();
    try {
      init.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting ONNX Runtime", e);
    }
    if (outcome.get() instanceof OrtEnvironment env) {
      return env;
    }
    throw new IllegalStateException("ONNX Runtime is not available on this platform",
        (Throwable) outcome.get());
  }
}
