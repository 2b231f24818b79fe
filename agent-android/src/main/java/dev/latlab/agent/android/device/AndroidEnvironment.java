package dev.latlab.agent.android.device;

import dev.latlab.agent.Environment;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Completes what /proc and /sys tell on a phone ({@code EnvironmentProbe}) with what only Android
 * APIs tell: the phone's name (no DMI or device tree is readable there), the SoC, the Android
 * version, the battery's temperature, and the device state under {@code platform}.
 */
public final class AndroidEnvironment {
  /** The key of the battery in {@link Environment#temperaturesC()}. */
  static final String BATTERY_ZONE = "battery";

  private AndroidEnvironment() {}

  /**
   * Returns the probed environment with the phone's facts.
   *
   * <ul>
   *   <li>{@code deviceModel}: manufacturer and model, where Android tells them;
   *   <li>{@code cpuModel}: the SoC (API 31+), else what /proc/cpuinfo said;
   *   <li>{@code osName}: {@code Android RELEASE (API N)}; {@code osVersion} stays the kernel;
   *   <li>{@code temperaturesC}: plus {@code battery} where known (phones often hide their
   *       thermal zones from apps);
   *   <li>{@code platform}: {@link DeviceState#platformFacts()}.
   * </ul>
   *
   * @param probed what the probe read
   * @param state the phone's state now
   * @return the combined environment, captured at the probe's time
   */
  public static Environment of(Environment probed, DeviceState state) {
    String device = state.deviceName();
    String cpu = state.soc() != null ? state.soc() : probed.cpuModel();
    SortedMap<String, Double> temperatures = new TreeMap<>(probed.temperaturesC());
    if (!Double.isNaN(state.batteryTemperatureC())) {
      temperatures.put(BATTERY_ZONE, state.batteryTemperatureC());
    }
    return new Environment(cpu, probed.logicalCores(), probed.cpuGovernor(),
        probed.cpuFrequenciesMhz(), probed.cpuMaxFrequenciesMhz(), temperatures,
        probed.loadAverage1m(), "Android " + state.androidRelease() + " (API " + state.sdkInt() + ")",
        probed.osVersion(), probed.osArch(), probed.jvm(), probed.totalMemoryBytes(),
        device != null ? device : probed.deviceModel(), state.platformFacts(),
        probed.capturedAt());
  }
}
