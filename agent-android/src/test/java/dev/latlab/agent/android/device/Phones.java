package dev.latlab.agent.android.device;

/** Device states for tests: a Pixel-like phone on API 34 with adjustable battery and heat. */
public final class Phones {
  private Phones() {}

  /**
   * Returns a phone's state.
   *
   * @param batteryPercent 0 to 100, or -1
   * @param charging whether it charges
   * @param thermal the thermal status
   * @return the state
   */
  public static DeviceState phone(int batteryPercent, boolean charging, ThermalStatus thermal) {
    return new DeviceState("Google", "Pixel 7", "Google GS201", "panther", "14", 34,
        batteryPercent, charging, 31.5, thermal, 0.42, Boolean.TRUE, true);
  }

  /**
   * Returns a cool, charged phone that may measure.
   *
   * @return the state
   */
  public static DeviceState fine() {
    return phone(80, false, ThermalStatus.NONE);
  }
}
