package dev.latlab.agent.android.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.agent.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DeviceStateTest {
  @Test
  void platformFacts_knownPhone_everyFactUnderAndroidKeys() {
    assertThat(Phones.phone(81, true, ThermalStatus.LIGHT).platformFacts()).containsExactly(
        Map.entry("android.battery_percent", "81"),
        Map.entry("android.battery_temp_c", "31.50"),
        Map.entry("android.charging", "true"),
        Map.entry("android.gpu_delegate", "true"),
        Map.entry("android.hardware", "panther"),
        Map.entry("android.nnapi", "true"),
        Map.entry("android.release", "14"),
        Map.entry("android.sdk", "34"),
        Map.entry("android.soc", "Google GS201"),
        Map.entry("android.thermal_headroom", "0.42"),
        Map.entry("android.thermal_status", "light"));
  }

  @Test
  void platformFacts_oldPhone_leavesUnknownsOut() {
    DeviceState old = new DeviceState("Samsung", "SM-G950F", null, "samsungexynos8895", "8.0.0",
        26, -1, false, Double.NaN, ThermalStatus.UNKNOWN, Double.NaN, null, false);

    assertThat(old.platformFacts()).doesNotContainKeys("android.soc", "android.battery_percent",
        "android.battery_temp_c", "android.thermal_headroom", "android.gpu_delegate")
        .containsEntry("android.thermal_status", "unknown")
        .containsEntry("android.nnapi", "false");
    assertThat(old.deviceName()).isEqualTo("Samsung SM-G950F");
  }

  @Test
  void constructor_batteryOutOfRange_rejected() {
    assertThatThrownBy(() -> Phones.phone(101, false, ThermalStatus.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("101");
  }

  @Test
  void thermalStatus_fromPowerManager_mapsEveryConstant() {
    assertThat(ThermalStatus.fromPowerManager(0)).isEqualTo(ThermalStatus.NONE);
    assertThat(ThermalStatus.fromPowerManager(3)).isEqualTo(ThermalStatus.SEVERE);
    assertThat(ThermalStatus.fromPowerManager(6)).isEqualTo(ThermalStatus.SHUTDOWN);
    assertThat(ThermalStatus.fromPowerManager(7)).isEqualTo(ThermalStatus.UNKNOWN);
    assertThat(ThermalStatus.fromPowerManager(-1)).isEqualTo(ThermalStatus.UNKNOWN);
    assertThat(ThermalStatus.UNKNOWN.atLeast(ThermalStatus.NONE)).isFalse();
  }

  @Test
  void androidEnvironment_of_phoneFactsOverProbe_fingerprintFromSoc() {
    TreeMap<String, Double> zones = new TreeMap<>(Map.of("cpu-0", 41.0));
    Environment probed = new Environment("ARM Cortex-X1", 8, "schedutil", List.of(1800.0),
        List.of(2850.0), zones, Double.NaN, "Linux", "5.10.157-android13", "aarch64",
        "The Android Project 0 Dalvik", 8L << 30, null, Instant.EPOCH);
    DeviceState state = Phones.phone(55, false, ThermalStatus.NONE);

    Environment env = AndroidEnvironment.of(probed, state);

    assertThat(env.deviceModel()).isEqualTo("Google Pixel 7");
    assertThat(env.cpuModel()).isEqualTo("Google GS201");
    assertThat(env.osName()).isEqualTo("Android 14 (API 34)");
    assertThat(env.osVersion()).isEqualTo("5.10.157-android13");
    assertThat(env.temperaturesC()).containsEntry("cpu-0", 41.0).containsEntry("battery", 31.5);
    assertThat(env.platform()).isEqualTo(state.platformFacts());
    assertThat(env.capturedAt()).isEqualTo(Instant.EPOCH);
    // Battery and heat change, the phone does not: the same fingerprint.
    assertThat(AndroidEnvironment.of(probed, Phones.phone(12, true, ThermalStatus.SEVERE))
        .fingerprint()).isEqualTo(env.fingerprint());
  }
}
