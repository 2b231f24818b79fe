package dev.latlab.agent.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.latlab.agent.BackendSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The backend-specific settings of ONNX Runtime, validated and with every default filled in.
 *
 * @param graphOptimization {@code none}, {@code basic}, {@code extended} or {@code all}
 * @param interOpThreads threads of the inter-op pool, at least 1
 * @param executionMode {@code sequential} or {@code parallel}
 * @param allowSpinning whether idle intra-op pool threads busy-wait for work
 */
record OnnxRuntimeSettings(
    String graphOptimization, int interOpThreads, String executionMode, boolean allowSpinning) {
  static final String GRAPH_OPTIMIZATION = "graph-optimization";
  static final String INTER_OP_THREADS = "inter-op-threads";
  static final String EXECUTION_MODE = "execution-mode";
  static final String ALLOW_SPINNING = "allow-spinning";

  /** ORT's session config key; "1" (ORT's default) lets pool threads spin between work items. */
  private static final String SPINNING_CONFIG_KEY = "session.intra_op.allow_spinning";

  private static final Map<String, OptLevel> OPT_LEVELS =
      Map.of(
          "none", OptLevel.NO_OPT,
          "basic", OptLevel.BASIC_OPT,
          "extended", OptLevel.EXTENDED_OPT,
          "all", OptLevel.ALL_OPT);
  private static final Map<String, ExecutionMode> EXECUTION_MODES =
      Map.of("sequential", ExecutionMode.SEQUENTIAL, "parallel", ExecutionMode.PARALLEL);

  /** Each setting with a one-line description that names its default. */
  static final Map<String, String> DESCRIPTIONS = descriptions();

  /**
   * Validates the settings of a configuration and fills in the defaults.
   *
   * @param settings setting name to value
   * @return the resolved settings
   * @throws IllegalArgumentException naming the setting if one is unknown or has an invalid value
   */
  static OnnxRuntimeSettings resolve(Map<String, String> settings) {
    BackendSettings.checkKnown("onnxruntime", settings, DESCRIPTIONS.keySet());
    return new OnnxRuntimeSettings(
        BackendSettings.choice(settings, GRAPH_OPTIMIZATION, "all", "none", "basic", "extended",
            "all"),
        BackendSettings.positiveInt(settings, INTER_OP_THREADS, 1),
        BackendSettings.choice(settings, EXECUTION_MODE, "sequential", "sequential", "parallel"),
        BackendSettings.bool(settings, ALLOW_SPINNING, true));
  }

  /**
   * Returns the settings as they appear in a resolved {@code BackendConfig}.
   *
   * @return every setting, sorted by name
   */
  SortedMap<String, String> asMap() {
    SortedMap<String, String> map = new TreeMap<>();
    map.put(GRAPH_OPTIMIZATION, graphOptimization);
    map.put(INTER_OP_THREADS, Integer.toString(interOpThreads));
    map.put(EXECUTION_MODE, executionMode);
    map.put(ALLOW_SPINNING, Boolean.toString(allowSpinning));
    return map;
  }

  /**
   * Creates session options for the CPU execution provider (ORT's default; no other provider is
   * added) with these settings.
   *
   * @param intraOpThreads threads of the intra-op pool, the configuration's {@code threads}
   * @return the options; the caller closes them
   * @throws OrtException if ORT rejects a value
   */
  SessionOptions toSessionOptions(int intraOpThreads) throws OrtException {
    SessionOptions options = new SessionOptions();
    try {
      options.setOptimizationLevel(OPT_LEVELS.get(graphOptimization));
      options.setExecutionMode(EXECUTION_MODES.get(executionMode));
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(interOpThreads);
      options.addConfigEntry(SPINNING_CONFIG_KEY, allowSpinning ? "1" : "0");
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(GRAPH_OPTIMIZATION, "none|basic|extended|all: ORT graph optimisation level."
        + " If unset, defaults to all.");
    d.put(INTER_OP_THREADS, "threads that run independent nodes concurrently (used by"
        + " execution-mode=parallel only). If unset, defaults to 1.");
    d.put(EXECUTION_MODE, "sequential|parallel: run one node at a time, or independent branches"
        + " concurrently on the inter-op pool. If unset, defaults to sequential.");
    d.put(ALLOW_SPINNING, "true|false: idle intra-op pool threads busy-wait for work (lower"
        + " latency, burns CPU between runs; no pool, so no effect, at threads=1)."
        + " If unset, defaults to true.");
    return Collections.unmodifiableMap(d);
  }
}
