package dev.latlab.agent;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What was true of the machine when a measurement was taken, as far as the OS exposes it.
 * Immutable. Unknown values are null (strings), empty (lists, maps), NaN (doubles) or -1 (counts
 * and sizes); nothing here is ever guessed.
 *
 * @param cpuModel the CPU's name ({@code model name} of /proc/cpuinfo, else the SoC or ARM core
 *     types), or null
 * @param logicalCores logical CPUs present, including any a phone has switched off, or -1
 * @param cpuGovernor the cpufreq governor, or the distinct governors in alphabetical order joined
 *     by commas if cores differ (e.g. {@code performance,powersave}), or null
 * @param cpuFrequenciesMhz current frequency per core in core order, NaN for a core that could not
 *     be read; empty if unknown
 * @param cpuMaxFrequenciesMhz hardware maximum frequency per core ({@code cpuinfo_max_freq}), NaN
 *     for a core that could not be read; empty if unknown
 * @param temperaturesC thermal zone type (made unique: {@code acpitz}, {@code acpitz#1}) to degrees
 *     Celsius; empty if unknown
 * @param loadAverage1m the one-minute load average, or NaN
 * @param osName the {@code os.name} property, or null
 * @param osVersion the kernel release on Linux and Android, else {@code os.version}, or null
 * @param osArch the {@code os.arch} property, or null
 * @param jvm the runtime's vendor, version and VM name, or null
 * @param totalMemoryBytes physical memory the OS reports, or -1
 * @param deviceModel the machine's vendor and product name (DMI on PCs, device tree on boards), or
 *     null
 * @param platform facts that only one platform has, as text under dotted keys (on Android:
 *     {@code android.sdk}, {@code android.soc}, {@code android.battery_percent}, {@code
 *     android.thermal_status}...); empty on the desktop JVM
 * @param capturedAt when the values were read
 */
public record Environment(
    String cpuModel,
    int logicalCores,
    String cpuGovernor,
    List<Double> cpuFrequenciesMhz,
    List<Double> cpuMaxFrequenciesMhz,
    SortedMap<String, Double> temperaturesC,
    double loadAverage1m,
    String osName,
    String osVersion,
    String osArch,
    String jvm,
    long totalMemoryBytes,
    String deviceModel,
    SortedMap<String, String> platform,
    Instant capturedAt) {

  private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

  /**
   * Copies the collections; a null collection is taken as empty.
   *
   * @throws NullPointerException if {@code capturedAt} or a list or map element is null
   */
  public Environment {
    cpuFrequenciesMhz = immutableCopy(cpuFrequenciesMhz);
    cpuMaxFrequenciesMhz = immutableCopy(cpuMaxFrequenciesMhz);
    temperaturesC = immutableCopy(temperaturesC);
    platform = immutableText(platform);
    requireNonNull(capturedAt, "capturedAt");
  }

  /**
   * An environment without platform-specific facts, as the desktop JVM captures it.
   *
   * @param cpuModel see the record's description
   * @param logicalCores see the record's description
   * @param cpuGovernor see the record's description
   * @param cpuFrequenciesMhz see the record's description
   * @param cpuMaxFrequenciesMhz see the record's description
   * @param temperaturesC see the record's description
   * @param loadAverage1m see the record's description
   * @param osName see the record's description
   * @param osVersion see the record's description
   * @param osArch see the record's description
   * @param jvm see the record's description
   * @param totalMemoryBytes see the record's description
   * @param deviceModel see the record's description
   * @param capturedAt see the record's description
   * @throws NullPointerException if {@code capturedAt} or a list or map element is null
   */
  public Environment(String cpuModel, int logicalCores, String cpuGovernor,
      List<Double> cpuFrequenciesMhz, List<Double> cpuMaxFrequenciesMhz,
      SortedMap<String, Double> temperaturesC, double loadAverage1m, String osName,
      String osVersion, String osArch, String jvm, long totalMemoryBytes, String deviceModel,
      Instant capturedAt) {
    this(cpuModel, logicalCores, cpuGovernor, cpuFrequenciesMhz, cpuMaxFrequenciesMhz,
        temperaturesC, loadAverage1m, osName, osVersion, osArch, jvm, totalMemoryBytes,
        deviceModel, null, capturedAt);
  }

  /**
   * Returns a stable identifier of the hardware: the first 16 hex digits of the SHA-256 of a
   * canonical text with a version line and one {@code key=value} line per hardware field (unknown
   * values written as empty). Two captures on the same machine give the same fingerprint whatever
   * its momentary state.
   *
   * <p>In: {@code cpuModel}, {@code logicalCores}, {@code osArch}, {@code totalMemoryBytes}
   * rounded to whole GiB (kernel reservations shift MemTotal by a few MiB between kernels and
   * boots), {@code deviceModel}, and the distinct {@code cpuMaxFrequenciesMhz} rounded to 100 MHz
   * in ascending order (drivers differ by a few MHz, and a core a phone has switched off may have
   * no cpufreq entry while the set of cluster maxima stays the same).
   *
   * <p>Out, because they change while the hardware does not: current frequencies, temperatures and
   * load (they change from second to second), the governor (a setting), the capture time, the
   * OS name, kernel version and JVM (software updates), and the platform facts (battery and
   * thermal state change; a phone's SoC is already in {@code cpuModel}). Caveat: on intel_pstate, switching turbo
   * off lowers {@code cpuinfo_max_freq} and so changes the fingerprint.
   *
   * @return 16 lowercase hex digits
   */
  public String fingerprint() {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalHardware().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(16);
      for (int i = 0; i < 8; i++) {
        hex.append(Character.forDigit((hash[i] >> 4) & 0xf, 16));
        hex.append(Character.forDigit(hash[i] & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this runtime", e);
    }
  }

  // Visible for testing. Changing this text changes every fingerprint: bump the version line.
  String canonicalHardware() {
    return "latlab-hardware-v1"
        + "\ncpu_model=" + orEmpty(cpuModel)
        + "\nlogical_cores=" + logicalCores
        + "\nos_arch=" + orEmpty(osArch)
        + "\nmemory_gib=" + roundedMemoryGib()
        + "\ndevice_model=" + orEmpty(deviceModel)
        + "\ncpu_max_mhz=" + roundedMaxFrequencies()
        + "\n";
  }

  /**
   * Returns the hottest thermal zone's temperature.
   *
   * @return degrees Celsius, or NaN if no zone was read
   */
  public double maxTemperatureC() {
    return temperaturesC.values().stream()
        .mapToDouble(Double::doubleValue)
        .filter(t -> !Double.isNaN(t))
        .max()
        .orElse(Double.NaN);
  }

  /**
   * Returns the mean current frequency over the cores that could be read.
   *
   * @return MHz, or NaN if no core was read
   */
  public double meanFrequencyMhz() {
    return cpuFrequenciesMhz.stream()
        .mapToDouble(Double::doubleValue)
        .filter(f -> !Double.isNaN(f))
        .average()
        .orElse(Double.NaN);
  }

  /**
   * Returns every field under a snake_case key, in declaration order, followed by {@code
   * fingerprint}; for JSON and CSV export. Lists and maps are the record's own (immutable) ones;
   * {@code captured_at} is ISO-8601 text; unknown values stay null, NaN or -1.
   *
   * @return an unmodifiable map that may hold null values
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cpu_model", cpuModel);
    map.put("logical_cores", logicalCores);
    map.put("cpu_governor", cpuGovernor);
    map.put("cpu_frequencies_mhz", cpuFrequenciesMhz);
    map.put("cpu_max_frequencies_mhz", cpuMaxFrequenciesMhz);
    map.put("temperatures_c", temperaturesC);
    map.put("load_average_1m", loadAverage1m);
    map.put("os_name", osName);
    map.put("os_version", osVersion);
    map.put("os_arch", osArch);
    map.put("jvm", jvm);
    map.put("total_memory_bytes", totalMemoryBytes);
    map.put("device_model", deviceModel);
    map.put("platform", platform);
    map.put("captured_at", capturedAt.toString());
    map.put("fingerprint", fingerprint());
    return Collections.unmodifiableMap(map);
  }

  private String roundedMemoryGib() {
    return totalMemoryBytes < 0 ? "" : Long.toString(Math.round(totalMemoryBytes / BYTES_PER_GIB));
  }

  private String roundedMaxFrequencies() {
    TreeSet<Long> rounded = new TreeSet<>();
    for (double mhz : cpuMaxFrequenciesMhz) {
      if (!Double.isNaN(mhz)) {
        rounded.add(Math.round(mhz / 100) * 100);
      }
    }
    StringJoiner joined = new StringJoiner(",");
    rounded.forEach(mhz -> joined.add(Long.toString(mhz)));
    return joined.toString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static List<Double> immutableCopy(List<Double> values) {
    if (values == null) {
      return List.of();
    }
    List<Double> copy = new ArrayList<>(values);
    copy.forEach(v -> requireNonNull(v, "list element"));
    return Collections.unmodifiableList(copy);
  }

  private static SortedMap<String, String> immutableText(SortedMap<String, String> values) {
    TreeMap<String, String> copy = new TreeMap<>();
    if (values != null) {
      values.forEach((k, v) -> copy.put(requireNonNull(k, "map key"), requireNonNull(v, "value")));
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  private static SortedMap<String, Double> immutableCopy(SortedMap<String, Double> values) {
    // Natural order whatever the caller's comparator, so equal environments compare equal.
    TreeMap<String, Double> copy = new TreeMap<>();
    if (values != null) {
      values.forEach((k, v) -> copy.put(requireNonNull(k, "map key"), requireNonNull(v, "value")));
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}
