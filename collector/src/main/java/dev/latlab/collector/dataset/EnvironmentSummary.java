package dev.latlab.collector.dataset;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The three machine-state columns of a sweep CSV, read from a result's {@code environment_json}
 * (the agent's {@code Environment.toMap()} as JSON). Each is NaN when unknown.
 *
 * <p>Same definitions as {@code Environment} in agent-core: {@code max_temp_c} is the hottest value
 * of {@code temperatures_c}, {@code mean_freq_mhz} the mean of {@code cpu_frequencies_mhz}, and
 * {@code load_avg} is {@code load_average_1m}; null or non-numeric entries are skipped.
 *
 * @param maxTempC degrees Celsius, or NaN
 * @param meanFreqMhz MHz, or NaN
 * @param loadAvg the one-minute load average, or NaN
 */
record EnvironmentSummary(double maxTempC, double meanFreqMhz, double loadAvg) {
  private static final Logger logger = Logger.getLogger(EnvironmentSummary.class.getName());

  /** Nothing known. */
  static final EnvironmentSummary UNKNOWN =
      new EnvironmentSummary(Double.NaN, Double.NaN, Double.NaN);

  /**
   * Reads the summary; an empty or malformed text gives {@link #UNKNOWN} (an export never fails
   * because an agent sent a bad environment).
   */
  static EnvironmentSummary parse(String environmentJson) {
    if (environmentJson == null || environmentJson.isBlank()) {
      return UNKNOWN;
    }
    try {
      return TinyJson.parse(environmentJson) instanceof Map<?, ?> map ? of(map) : UNKNOWN;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      logger.log(Level.FINE, "unreadable environment_json", e);
      return UNKNOWN;
    }
  }

  private static EnvironmentSummary of(Map<?, ?> env) {
    return new EnvironmentSummary(max(numbers(env.get("temperatures_c"))),
        mean(numbers(env.get("cpu_frequencies_mhz"))), number(env.get("load_average_1m")));
  }

  private static List<Double> numbers(Object container) {
    Collection<?> values = container instanceof Map<?, ?> m ? m.values()
        : container instanceof List<?> l ? l : List.of();
    return values.stream().map(EnvironmentSummary::number).filter(v -> !Double.isNaN(v)).toList();
  }

  private static double number(Object value) {
    return value instanceof Double d ? d : Double.NaN;
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
