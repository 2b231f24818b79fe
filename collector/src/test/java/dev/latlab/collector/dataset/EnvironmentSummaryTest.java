package dev.latlab.collector.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSummaryTest {

  @Test
  void parse_environmentMap_maxTemperatureMeanFrequencyLoad() {
    String json = "{\"cpu_model\": \"Kryo 485\", \"logical_cores\": 8,"
        + " \"cpu_frequencies_mhz\": [1000.0, 2000.0, null, 3000.0],"
        + " \"cpu_max_frequencies_mhz\": [], \"temperatures_c\": {\"cpu0\": 41.5, \"gpu\": 47.0,"
        + " \"bad\": null}, \"load_average_1m\": 1.25, \"captured_at\": \"2026-01-01T00:00:00Z\"}";

    assertThat(EnvironmentSummary.parse(json))
        .isEqualTo(new EnvironmentSummary(47.0, 2000.0, 1.25));
  }

  @Test
  void parse_missingOrNullFields_areNaN() {
    EnvironmentSummary s =
        EnvironmentSummary.parse("{\"temperatures_c\": {}, \"load_average_1m\": null}");

    assertThat(s).isEqualTo(EnvironmentSummary.UNKNOWN);
  }

  @Test
  void parse_emptyOrMalformed_isUnknownNotAnError() {
    for (String text : new String[] {"", "  ", "[1, 2]", "{\"load_average_1m\": ", "{]", "\"x"}) {
      assertThat(EnvironmentSummary.parse(text)).as(text).isEqualTo(EnvironmentSummary.UNKNOWN);
    }
    assertThat(EnvironmentSummary.parse(null)).isEqualTo(EnvironmentSummary.UNKNOWN);
  }

  @Test
  void tinyJson_valuesAndLenientNonFiniteTokens() {
    Object v = TinyJson.parse(" {\"a\": [1, -2.5e1, true, false, null, NaN, -Infinity],"
        + " \"b\\\"\\u00e9\": {\"c\": \"x\\ny\"}} ");

    assertThat(v).isEqualTo(Map.of(
        "a", Arrays.asList(1.0, -25.0, true, false, null, Double.NaN, Double.NEGATIVE_INFINITY),
        "b\"\u00e9", Map.of("c", "x\ny")));
    assertThat(TinyJson.parse("[]")).isEqualTo(List.of());
  }

  @Test
  void tinyJson_trailingText_throws() {
    assertThatThrownBy(() -> TinyJson.parse("{} x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 3");
  }
}
