package dev.latlab.predictor.latency;

import java.util.Map;

/** Reads back the options a saved model carries ({@link ModelOptions#toMap}). */
final class OptionsText {
  private OptionsText() {}

  /**
   * Parses saved options; the thread count is the loading machine's, not the saved one.
   *
   * @param map name to value
   * @return the options
   * @throws IllegalArgumentException if one is missing or malformed
   */
  static ModelOptions parse(Map<String, String> map) {
    try {
      return new ModelOptions(integer(map, "layers"), integer(map, "hidden"),
          real(map, "dropout"), integer(map, "epochs"), real(map, "learning_rate"),
          real(map, "weight_decay"), integer(map, "lr_patience"), integer(map, "es_patience"),
          integer(map, "batch_size"), real(map, "rank_loss"),
          Runtime.getRuntime().availableProcessors(), integer(map, "adapt_epochs"),
          integer(map, "pretrain_cells"), Boolean.parseBoolean(value(map, "linear_skip")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed option: " + e.getMessage(), e);
    }
  }

  private static int integer(Map<String, String> map, String key) {
    return Integer.parseInt(value(map, key));
  }

  private static double real(Map<String, String> map, String key) {
    return Double.parseDouble(value(map, key));
  }

  private static String value(Map<String, String> map, String key) {
    String v = map.get(key);
    if (v == null) {
      throw new IllegalArgumentException("option " + key + " is missing");
    }
    return v;
  }
}
