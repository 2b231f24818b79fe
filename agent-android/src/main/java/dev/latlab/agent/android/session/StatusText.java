package dev.latlab.agent.android.session;

import dev.latlab.agent.android.device.DeviceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Turns an {@link AgentStatus} into the words the screen and the notification show. */
public final class StatusText {
  private StatusText() {}

  /**
   * Returns one line saying what the agent does, e.g. {@code Paused: thermal status severe}.
   *
   * @param s the status
   * @return the headline
   */
  public static String headline(AgentStatus s) {
    if (!s.running()) {
      return s.problem().isEmpty() ? "Stopped" : "Stopped: " + s.problem();
    }
    if (!s.pausedReason().isEmpty()) {
      return "Paused: " + s.pausedReason();
    }
    if (!s.job().isEmpty()) {
      return "Measuring " + s.job();
    }
    if (s.connected()) {
      return "Connected, waiting for jobs";
    }
    return s.problem().isEmpty() ? "Connecting" : "Connecting (" + s.problem() + ")";
  }

  /**
   * Returns the progress in one line, e.g. {@code 12 measured, 0 failed, 12 stored}.
   *
   * @param s the status
   * @return the line
   */
  public static String progress(AgentStatus s) {
    return s.measured() + " measured, " + s.failed() + " failed, " + s.acked() + " stored";
  }

  /**
   * Returns the latest latencies, newest first, e.g. {@code 3.42, 3.40 ms}.
   *
   * @param s the status
   * @return the line, or {@code none yet}
   */
  public static String latencies(AgentStatus s) {
    if (s.lastLatenciesMs().isEmpty()) {
      return "none yet";
    }
    StringJoiner joined = new StringJoiner(", ", "", " ms");
    s.lastLatenciesMs().forEach(ms -> joined.add(String.format(Locale.ROOT, "%.3f", ms)));
    return joined.toString();
  }

  /**
   * Returns the device lines: phone and SoC, battery, temperature and thermal status.
   *
   * @param d the device state, or null
   * @return the lines; one saying it is unknown if {@code d} is null
   */
  public static List<String> device(DeviceState d) {
    List<String> lines = new ArrayList<>();
    if (d == null) {
      lines.add("Device: not read yet");
      return lines;
    }
    String name = d.deviceName() == null ? "unknown phone" : d.deviceName();
    lines.add("Device: " + name + (d.soc() == null ? "" : " (" + d.soc() + ")") + ", Android "
        + d.androidRelease() + " (API " + d.sdkInt() + ")");
    String level = d.batteryPercent() < 0 ? "unknown" : d.batteryPercent() + " %";
    lines.add("Battery: " + level + (d.charging() ? ", charging" : ", not charging"));
    String temperature = Double.isNaN(d.batteryTemperatureC()) ? "unknown"
        : String.format(Locale.ROOT, "%.1f °C (battery)", d.batteryTemperatureC());
    lines.add("Temperature: " + temperature + ", thermal status " + d.thermal().label());
    return lines;
  }

  /**
   * Returns the whole status for the screen, one fact per line.
   *
   * @param s the status
   * @param settings the settings the agent runs with, or null if none are saved
   * @return the text
   */
  public static String details(AgentStatus s, AgentSettings settings) {
    List<String> lines = new ArrayList<>();
    lines.add(headline(s));
    if (settings != null) {
      lines.add("Collector: " + settings.address() + (settings.tls() ? " (TLS)" : "")
          + ", target " + settings.target());
    }
    if (!s.backend().isEmpty()) {
      lines.add("Backend: " + s.backend());
    }
    lines.add("Current job: " + (s.job().isEmpty() ? "none" : s.job()));
    lines.add("Progress: " + progress(s));
    lines.add("Last latencies: " + latencies(s));
    lines.addAll(device(s.device()));
    return String.join("\n", lines);
  }
}
