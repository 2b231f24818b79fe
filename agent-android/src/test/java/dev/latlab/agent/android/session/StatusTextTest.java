package dev.latlab.agent.android.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.agent.android.device.Phones;
import dev.latlab.agent.android.device.ThermalStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTextTest {
  private static final AgentStatus RUNNING =
      AgentStatus.STOPPED.started("tflite 2.16.1-android threads=4 delegate=cpu xnnpack=true");

  @Test
  void headline_eachState_saysWhatTheAgentDoes() {
    assertThat(StatusText.headline(AgentStatus.STOPPED)).isEqualTo("Stopped");
    assertThat(StatusText.headline(RUNNING)).isEqualTo("Connecting");
    assertThat(StatusText.headline(RUNNING.connection(false, "UNAVAILABLE; retrying in 2 s")))
        .isEqualTo("Connecting (UNAVAILABLE; retrying in 2 s)");
    assertThat(StatusText.headline(RUNNING.connection(true, "")))
        .isEqualTo("Connected, waiting for jobs");
    assertThat(StatusText.headline(RUNNING.connection(true, "").measuring("arch 7 (job j, "
        + "attempt 1)"))).isEqualTo("Measuring arch 7 (job j, attempt 1)");
    assertThat(StatusText.headline(RUNNING.measuring("arch 7").paused("thermal status severe")))
        .isEqualTo("Paused: thermal status severe");
    assertThat(StatusText.headline(RUNNING.stopped("the collector refused this agent")))
        .isEqualTo("Stopped: the collector refused this agent");
  }

  @Test
  void latencies_keepsFiveNewestFirst() {
    AgentStatus s = RUNNING;
    for (int i = 1; i <= 7; i++) {
      s = s.measuredOne(i + 0.5);
    }

    assertThat(StatusText.latencies(s))
        .isEqualTo("7.500, 6.500, 5.500, 4.500, 3.500 ms");
    assertThat(StatusText.progress(s.ackedOne().failedOne("x")))
        .isEqualTo("7 measured, 1 failed, 1 stored");
    assertThat(StatusText.latencies(RUNNING)).isEqualTo("none yet");
  }

  @Test
  void details_runningOnPhone_listsJobProgressLatenciesAndDevice() {
    AgentSettings settings = AgentSettings.parse(Map.of("collector", "10.0.0.2:50051",
        "target", "pixel7-cpu"));
    AgentStatus s = RUNNING.connection(true, "").measuredOne(3.25)
        .device(Phones.phone(64, true, ThermalStatus.MODERATE)).measuring("arch 12 (job a, "
            + "attempt 2)");

    assertThat(StatusText.details(s, settings)).isEqualTo(String.join("\n",
        "Measuring arch 12 (job a, attempt 2)",
        "Collector: 10.0.0.2:50051, target pixel7-cpu",
        "Backend: tflite 2.16.1-android threads=4 delegate=cpu xnnpack=true",
        "Current job: arch 12 (job a, attempt 2)",
        "Progress: 1 measured, 0 failed, 0 stored",
        "Last latencies: 3.250 ms",
        "Device: Google Pixel 7 (Google GS201), Android 14 (API 34)",
        "Battery: 64 %, charging",
        "Temperature: 31.5 °C (battery), thermal status moderate"));
  }

  @Test
  void device_unknown_saysSo() {
    assertThat(StatusText.device(null)).containsExactly("Device: not read yet");
  }
}
