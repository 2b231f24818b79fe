package dev.latlab.agent.android.device;

import static dev.latlab.agent.android.device.Phones.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PausePolicyTest {
  private final PausePolicy policy = PausePolicy.DEFAULT;

  @ParameterizedTest
  @EnumSource(value = ThermalStatus.class, names = {"SEVERE", "CRITICAL", "EMERGENCY", "SHUTDOWN"})
  void pauseReason_severeOrHotter_pausesNamingStatus(ThermalStatus hot) {
    assertThat(policy.pauseReason(phone(90, true, hot), false))
        .isEqualTo("thermal status " + hot.label());
  }

  @ParameterizedTest
  @EnumSource(value = ThermalStatus.class, names = {"UNKNOWN", "NONE", "LIGHT", "MODERATE"})
  void pauseReason_belowSevere_measures(ThermalStatus mild) {
    assertThat(policy.pauseReason(phone(90, false, mild), false)).isEmpty();
  }

  @Test
  void pauseReason_lowBatteryNotCharging_pauses() {
    assertThat(policy.pauseReason(phone(19, false, ThermalStatus.NONE), false))
        .isEqualTo("battery 19 % and not charging");
    assertThat(policy.pauseReason(phone(20, false, ThermalStatus.NONE), false)).isEmpty();
  }

  @Test
  void pauseReason_lowBatteryCharging_measures() {
    assertThat(policy.pauseReason(phone(5, true, ThermalStatus.NONE), false)).isEmpty();
  }

  @Test
  void pauseReason_unknownBattery_measures() {
    assertThat(policy.pauseReason(phone(-1, false, ThermalStatus.NONE), false)).isEmpty();
  }

  @Test
  void pauseReason_pausedOnBattery_resumesOnlyPastTheMargin() {
    assertThat(policy.pauseReason(phone(22, false, ThermalStatus.NONE), true))
        .isEqualTo("battery 22 % and not charging");
    assertThat(policy.pauseReason(phone(25, false, ThermalStatus.NONE), true)).isEmpty();
  }

  @Test
  void pauseReason_hotAndLowBattery_namesTheHeat() {
    assertThat(policy.pauseReason(phone(3, false, ThermalStatus.CRITICAL), false))
        .isEqualTo("thermal status critical");
  }

  @Test
  void constructor_unknownThreshold_rejected() {
    assertThatThrownBy(() -> new PausePolicy(ThermalStatus.UNKNOWN, 20, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PausePolicy(ThermalStatus.SEVERE, 101, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
