package dev.latlab.agent.android.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.agent.android.session.AgentSettings.InvalidSettingException;
import dev.latlab.agent.android.tflite.TfliteDelegate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentSettingsTest {
  private static Map<String, String> fields(String... keyValues) {
    Map<String, String> map = new HashMap<>();
    map.put("collector", "192.168.1.20:50051");
    map.put("target", "pixel7-tflite-cpu-4t");
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  @Test
  void parse_minimal_defaults() {
    AgentSettings s = AgentSettings.parse(fields());

    assertThat(s).isEqualTo(new AgentSettings("192.168.1.20", 50051, false, "",
        "pixel7-tflite-cpu-4t", 4, TfliteDelegate.CPU, true));
    assertThat(s.backendConfig().settingsString())
        .isEqualTo("threads=4 delegate=cpu xnnpack=true");
  }

  @Test
  void parse_everything_roundTripsThroughFields() {
    AgentSettings s = AgentSettings.parse(fields("collector", " [fe80::1]:443 ", "tls", "true",
        "token", "s3cret", "threads", "2", "delegate", "GPU", "xnnpack", "false"));

    assertThat(s.host()).isEqualTo("fe80::1");
    assertThat(s.address()).isEqualTo("[fe80::1]:443");
    assertThat(s.delegate()).isEqualTo(TfliteDelegate.GPU);
    assertThat(AgentSettings.parse(s.toFields())).isEqualTo(s);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "collector|localhost|collector must be HOST:PORT",
      "collector|host:0|port must be 1..65535",
      "collector|host:http|port must be a whole number",
      "collector|::1:50051|IPv6",
      "collector|my host:1|cannot be in a host name",
      "target|pixel 7|visible ASCII",
      "threads|0|threads must be 1..16",
      "threads|four|threads must be a whole number",
      "delegate|dsp|cpu, gpu, nnapi",
      "token|a b|token must be printable ASCII"})
  void parse_badField_namesFieldAndProblem(String field, String value, String message) {
    assertThatThrownBy(() -> AgentSettings.parse(fields(field, value)))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @Test
  void parse_missingTarget_required() {
    Map<String, String> f = fields();
    f.remove("target");

    assertThatThrownBy(() -> AgentSettings.parse(f))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.field()).isEqualTo("target"))
        .hasMessage("target is required");
  }

  @Test
  void suggestTarget_phoneName_slugWithOptions() {
    assertThat(AgentSettings.suggestTarget("Google Pixel 7 Pro", 4, TfliteDelegate.NNAPI))
        .isEqualTo("google-pixel-7-pro-tflite-nnapi-4t");
    assertThat(AgentSettings.suggestTarget(null, 1, TfliteDelegate.CPU))
        .isEqualTo("android-tflite-cpu-1t");
  }
}
