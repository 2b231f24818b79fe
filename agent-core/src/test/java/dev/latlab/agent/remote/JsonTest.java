package dev.latlab.agent.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void write_scalars_areJsonLiterals() {
    assertThat(Json.write(null)).isEqualTo("null");
    assertThat(Json.write(true)).isEqualTo("true");
    assertThat(Json.write(-3)).isEqualTo("-3");
    assertThat(Json.write(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    assertThat(Json.write(2.5)).isEqualTo("2.5");
    assertThat(Json.write(1e-7)).isEqualTo("1.0E-7");
    assertThat(Json.write(1.5f)).isEqualTo("1.5");
  }

  @Test
  void write_nonFiniteNumbers_areNull() {
    assertThat(Json.write(Double.NaN)).isEqualTo("null");
    assertThat(Json.write(Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(Json.write(Float.NaN)).isEqualTo("null");
    assertThat(Json.write(List.of(1.0, Double.NaN))).isEqualTo("[1.0,null]");
  }

  @Test
  void write_quotesBackslashesAndControls_areEscaped() {
    assertThat(Json.write("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
    assertThat(Json.write("\n\r\t\b\f\u0001\u001f")).isEqualTo(
        "\"\\n\\r\\t\\b\\f\\u0001\\u001f\"");
  }

  @Test
  void write_unicode_isKeptExceptSeparatorsAndLoneSurrogates() {
    assertThat(Json.write("Board ü 中 😀")).isEqualTo("\"Board ü 中 😀\"");
    assertThat(Json.write("a\u2028b\u2029")).isEqualTo("\"a\\u2028b\\u2029\"");
    assertThat(Json.write("x\ud800y\udc00")).isEqualTo("\"x\\ud800y\\udc00\"");
  }

  @Test
  void write_nested_keepsOrderAndNulls() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", null);
    inner.put("a", List.of());
    Map<Object, Object> outer = new LinkedHashMap<>();
    outer.put("k\"ey", inner);
    outer.put(7, new ArrayList<>(Arrays.asList(1, null, Map.of())));
    outer.put("arr", new long[] {1, 2});
    assertThat(Json.write(outer)).isEqualTo(
        "{\"k\\\"ey\":{\"z\":null,\"a\":[]},\"7\":[1,null,{}],\"arr\":[1,2]}");
  }

  @Test
  void write_otherObjects_areTheirText() {
    assertThat(Json.write(java.time.Instant.EPOCH)).isEqualTo("\"1970-01-01T00:00:00Z\"");
  }

  @Test
  void write_environment_isOneObjectWithNullForUnknowns() {
    String json = Json.write(Fixtures.ENVIRONMENT.toMap());
    assertThat(json).startsWith("{\"cpu_model\":\"Fake CPU \\\"X\\\" @ 2.4GHz\",")
        .contains("\"cpu_frequencies_mhz\":[1800.0,null]")
        .contains("\"temperatures_c\":{\"cpu-thermal\":45.5}")
        .contains("\"load_average_1m\":null")
        .contains("\"device_model\":\"Board ü\",\"platform\":{}")
        .contains("\"captured_at\":\"2025-01-02T03:04:05.678Z\"")
        .endsWith("\"fingerprint\":\"" + Fixtures.ENVIRONMENT.fingerprint() + "\"}");
  }
}
