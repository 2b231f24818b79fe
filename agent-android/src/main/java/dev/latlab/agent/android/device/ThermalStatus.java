package dev.latlab.agent.android.device;

/**
 * The phone's thermal status as {@code PowerManager.getCurrentThermalStatus()} reports it (API 29
 * and later), in increasing severity; {@link #UNKNOWN} before API 29 or when the call fails.
 */
public enum ThermalStatus {
  /** Not reported (API 26 to 28, or the call failed). */
  UNKNOWN,
  /** {@code THERMAL_STATUS_NONE} (0). */
  NONE,
  /** {@code THERMAL_STATUS_LIGHT} (1): UX not impacted. */
  LIGHT,
  /** {@code THERMAL_STATUS_MODERATE} (2): UX not largely impacted. */
  MODERATE,
  /** {@code THERMAL_STATUS_SEVERE} (3): UX largely impacted; the device throttles hard. */
  SEVERE,
  /** {@code THERMAL_STATUS_CRITICAL} (4): the platform reduces power everywhere. */
  CRITICAL,
  /** {@code THERMAL_STATUS_EMERGENCY} (5): key components are shutting down. */
  EMERGENCY,
  /** {@code THERMAL_STATUS_SHUTDOWN} (6): the device shuts down now. */
  SHUTDOWN;

  /**
   * Returns the status of a {@code PowerManager.THERMAL_STATUS_*} value.
   *
   * @param value 0 to 6; anything else is {@link #UNKNOWN}
   * @return the status
   */
  public static ThermalStatus fromPowerManager(int value) {
    return value >= 0 && value <= 6 ? values()[value + 1] : UNKNOWN;
  }

  /**
   * Returns whether this is at least as severe as another status; {@link #UNKNOWN} is never.
   *
   * @param other the threshold
   * @return true if known and {@code >= other}
   */
  public boolean atLeast(ThermalStatus other) {
    return this != UNKNOWN && compareTo(other) >= 0;
  }

  /**
   * Returns the lowercase name used in records and on screen, e.g. {@code severe}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
