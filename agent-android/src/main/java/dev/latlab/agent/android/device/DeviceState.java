package dev.latlab.agent.android.device;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the phone says about itself at one moment: identity (Build), battery and thermal state, and
 * which TFLite delegates it offers. Immutable. Unknown numbers are -1 (integers) or NaN.
 *
 * @param manufacturer {@code Build.MANUFACTURER}, e.g. {@code Google}
 * @param model {@code Build.MODEL}, e.g. {@code Pixel 7}
 * @param soc {@code Build.SOC_MANUFACTURER} and {@code Build.SOC_MODEL} (API 31+), e.g. {@code
 *     Google GS201}, or null before API 31
 * @param hardware {@code Build.HARDWARE} (the board), e.g. {@code panther}
 * @param androidRelease {@code Build.VERSION.RELEASE}, e.g. {@code 14}
 * @param sdkInt {@code Build.VERSION.SDK_INT}, e.g. 34
 * @param batteryPercent battery level 0 to 100, or -1
 * @param charging whether the battery charges (or is full on power)
 * @param batteryTemperatureC the battery's temperature, or NaN
 * @param thermal the thermal status
 * @param thermalHeadroom {@code PowerManager.getThermalHeadroom(0)} (API 30+; 1.0 means severe
 *     throttling), or NaN
 * @param gpuDelegate whether TFLite's GPU delegate supports this device, or null if not checked
 * @param nnapi whether NNAPI exists (API 27+)
 */
public record DeviceState(
    String manufacturer,
    String model,
    String soc,
    String hardware,
    String androidRelease,
    int sdkInt,
    int batteryPercent,
    boolean charging,
    double batteryTemperatureC,
    ThermalStatus thermal,
    double thermalHeadroom,
    Boolean gpuDelegate,
    boolean nnapi) {

  /** Requires the thermal status and a battery level in range. */
  public DeviceState {
    requireNonNull(thermal, "thermal");
    if (batteryPercent < -1 || batteryPercent > 100) {
      throw new IllegalArgumentException("batteryPercent must be -1 or 0..100: " + batteryPercent);
    }
  }

  /**
   * Returns the phone's name as people know it, e.g. {@code Google Pixel 7}.
   *
   * @return manufacturer and model, either left out if unknown; null if both are
   */
  public String deviceName() {
    String name = (orEmpty(manufacturer) + " " + orEmpty(model)).trim();
    return name.isEmpty() ? null : name;
  }

  /**
   * Returns the facts recorded with every result under {@code platform} in the environment:
   * {@code android.*} keys, unknown values left out.
   *
   * @return key to text, sorted
   */
  public SortedMap<String, String> platformFacts() {
    SortedMap<String, String> facts = new TreeMap<>();
    putKnown(facts, "android.release", androidRelease);
    facts.put("android.sdk", Integer.toString(sdkInt));
    putKnown(facts, "android.soc", soc);
    putKnown(facts, "android.hardware", hardware);
    if (batteryPercent >= 0) {
      facts.put("android.battery_percent", Integer.toString(batteryPercent));
    }
    facts.put("android.charging", Boolean.toString(charging));
    if (!Double.isNaN(batteryTemperatureC)) {
      facts.put("android.battery_temp_c", format(batteryTemperatureC));
    }
    facts.put("android.thermal_status", thermal.label());
    if (!Double.isNaN(thermalHeadroom)) {
      facts.put("android.thermal_headroom", format(thermalHeadroom));
    }
    if (gpuDelegate != null) {
      facts.put("android.gpu_delegate", Boolean.toString(gpuDelegate));
    }
    facts.put("android.nnapi", Boolean.toString(nnapi));
    return facts;
  }

  private static void putKnown(SortedMap<String, String> facts, String key, String value) {
    if (value != null && !value.isEmpty()) {
      facts.put(key, value);
    }
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
