package dev.latlab.agent.android.device;

import static java.util.Objects.requireNonNull;

/**
 * When a phone must not measure: while its thermal status is at or above a level (the numbers
 * would be the throttled device's), or while its battery is low and not charging (measuring would
 * drain it, and many phones throttle on low battery). Pure and immutable.
 *
 * <p>The battery has hysteresis: a paused phone resumes only at the threshold plus a margin, or
 * once charging, so that a level hovering at the threshold does not flip the state every check.
 */
public final class PausePolicy {
  /** Pause at thermal status SEVERE; below 20 % battery unless charging; resume at 25 %. */
  public static final PausePolicy DEFAULT = new PausePolicy(ThermalStatus.SEVERE, 20, 5);

  private final ThermalStatus pauseAt;
  private final int lowBatteryPercent;
  private final int resumeMarginPercent;

  /**
   * Creates a policy.
   *
   * @param pauseAt the thermal status from which measuring pauses; not UNKNOWN
   * @param lowBatteryPercent below this level (0 to 100) and not charging, measuring pauses
   * @param resumeMarginPercent a paused phone resumes at {@code lowBatteryPercent} plus this
   * @throws IllegalArgumentException if a value is out of range
   */
  public PausePolicy(ThermalStatus pauseAt, int lowBatteryPercent, int resumeMarginPercent) {
    requireNonNull(pauseAt, "pauseAt");
    if (pauseAt == ThermalStatus.UNKNOWN) {
      throw new IllegalArgumentException("pauseAt must be a known thermal status");
    }
    if (lowBatteryPercent < 0 || lowBatteryPercent > 100 || resumeMarginPercent < 0) {
      throw new IllegalArgumentException("need 0 <= lowBatteryPercent <= 100 and a margin >= 0: "
          + lowBatteryPercent + ", " + resumeMarginPercent);
    }
    this.pauseAt = pauseAt;
    this.lowBatteryPercent = lowBatteryPercent;
    this.resumeMarginPercent = resumeMarginPercent;
  }

  /**
   * Returns why the phone must not measure now.
   *
   * @param state the phone's state
   * @param paused whether it is paused already (the battery then needs the margin to resume)
   * @return one line, e.g. {@code thermal status severe}; empty if it may measure
   */
  public String pauseReason(DeviceState state, boolean paused) {
    if (state.thermal().atLeast(pauseAt)) {
      return "thermal status " + state.thermal().label();
    }
    int threshold = paused ? lowBatteryPercent + resumeMarginPercent : lowBatteryPercent;
    int level = state.batteryPercent();
    if (!state.charging() && level >= 0 && level < threshold) {
      return "battery " + level + " % and not charging";
    }
    return "";
  }
}
