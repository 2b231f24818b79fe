package dev.latlab.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");
  private static final long GIB = 1L << 30;
  // sha256sum of the canonical text below, first 16 hex digits.
  private static final String GOLDEN_FINGERPRINT = "5fd966a3443fe57c";

  /** A Jetson-like board, fully known. */
  private static Environment board() {
    return new Environment(
        "ARM Cortex-A78AE",
        12,
        "schedutil",
        List.of(1510.4, 729.6, Double.NaN, 2201.6),
        List.of(2201.6, 2201.6, 2201.6, 2201.6),
        new TreeMap<>(Map.of("cpu-thermal", 48.5, "gpu-thermal", 46.0)),
        1.25,
        "Linux",
        "5.15.148-tegra",
        "aarch64",
        "Ubuntu 17.0.15+6 OpenJDK 64-Bit Server VM",
        64_000_000_000L,
        "NVIDIA Jetson AGX Orin Developer Kit",
        T0);
  }

  private static Environment withVolatile(
      Environment e,
      String governor,
      List<Double> freqs,
      SortedMap<String, Double> temps,
      double load,
      String kernel,
      Instant at) {
    return new Environment(e.cpuModel(), e.logicalCores(), governor, freqs,
        e.cpuMaxFrequenciesMhz(), temps, load, "Android", kernel, e.osArch(), "Dalvik",
        e.totalMemoryBytes(), e.deviceModel(), at);
  }

  private static Environment withHardware(
      Environment e, String cpu, int cores, long memory, List<Double> maxMhz, String device) {
    return new Environment(cpu, cores, e.cpuGovernor(), e.cpuFrequenciesMhz(), maxMhz,
        e.temperaturesC(), e.loadAverage1m(), e.osName(), e.osVersion(), e.osArch(), e.jvm(),
        memory, device, e.capturedAt());
  }

  @Test
  void fingerprint_volatileFieldsDiffer_staysTheSame() {
    Environment hot =
        withVolatile(board(), "performance", List.of(2201.6, 2201.6),
            new TreeMap<>(Map.of("cpu-thermal", 91.0)), 11.5, "6.1.0", T0.plusSeconds(3600));

    assertThat(hot.fingerprint()).isEqualTo(board().fingerprint());
  }

  @Test
  void fingerprint_smallDriftInMemoryOrMaxFrequency_staysTheSame() {
    Environment e = board();
    Environment drifted =
        withHardware(e, e.cpuModel(), e.logicalCores(), e.totalMemoryBytes() - 5_000_000,
            List.of(2200.0, 2200.0), e.deviceModel());

    assertThat(drifted.fingerprint()).isEqualTo(e.fingerprint());
  }

  @Test
  void fingerprint_hardwareFieldsDiffer_changes() {
    Environment e = board();
    List<Double> max = e.cpuMaxFrequenciesMhz();
    String cpu = e.cpuModel();
    String device = e.deviceModel();
    long memory = e.totalMemoryBytes();

    assertThat(List.of(
            withHardware(e, "ARM Cortex-A78", 12, memory, max, device),
            withHardware(e, cpu, 8, memory, max, device),
            withHardware(e, cpu, 12, 32 * GIB, max, device),
            withHardware(e, cpu, 12, memory, List.of(1728.0), device),
            withHardware(e, cpu, 12, memory, max, "NVIDIA Jetson Orin NX"),
            withHardware(e, null, 12, memory, max, device)))
        .extracting(Environment::fingerprint)
        .doesNotContain(e.fingerprint())
        .doesNotHaveDuplicates();
  }

  @Test
  void fingerprint_isSixteenHexDigitsOfTheCanonicalText() {
    Environment e = board();

    assertThat(e.canonicalHardware())
        .isEqualTo(
            "latlab-hardware-v1\ncpu_model=ARM Cortex-A78AE\nlogical_cores=12\nos_arch=aarch64\n"
                + "memory_gib=60\ndevice_model=NVIDIA Jetson AGX Orin Developer Kit\n"
                + "cpu_max_mhz=2200\n");
    // Golden value: if this changes, every stored fingerprint changes; bump the version line.
    assertThat(e.fingerprint()).matches("[0-9a-f]{16}").isEqualTo(GOLDEN_FINGERPRINT);
  }

  @Test
  void canonicalHardware_unknownValues_areEmpty() {
    Environment unknown = new Environment(null, -1, null, null, null, null, Double.NaN, null, null,
        null, null, -1, null, T0);

    assertThat(unknown.canonicalHardware())
        .isEqualTo("latlab-hardware-v1\ncpu_model=\nlogical_cores=-1\nos_arch=\nmemory_gib=\n"
            + "device_model=\ncpu_max_mhz=\n");
    assertThat(unknown.cpuFrequenciesMhz()).isEmpty();
    assertThat(unknown.temperaturesC()).isEmpty();
  }

  @Test
  void canonicalHardware_bigLittleMaxima_areDistinctAndSorted() {
    Environment e = board();
    Environment phone = withHardware(e, e.cpuModel(), 8, e.totalMemoryBytes(),
        List.of(1804.8, 1804.8, 2419.2, Double.NaN, 2841.6, 1804.8), e.deviceModel());

    assertThat(phone.canonicalHardware()).contains("\ncpu_max_mhz=1800,2400,2800\n");
  }

  @Test
  void maxTemperatureC_hottestZone_orNaN() {
    assertThat(board().maxTemperatureC()).isEqualTo(48.5);
    assertThat(withVolatile(board(), null, List.of(), new TreeMap<>(), 0, null, T0)
            .maxTemperatureC())
        .isNaN();
  }

  @Test
  void meanFrequencyMhz_ignoresUnreadCores_orNaN() {
    assertThat(board().meanFrequencyMhz()).isCloseTo(4441.6 / 3, offset(1e-9));
    assertThat(withVolatile(board(), null, List.of(Double.NaN), null, 0, null, T0)
            .meanFrequencyMhz())
        .isNaN();
  }

  @Test
  void constructor_copiesCollections_andSortsZonesNaturally() {
    List<Double> freqs = new ArrayList<>(List.of(1000.0));
    TreeMap<String, Double> temps = new TreeMap<>(Comparator.reverseOrder());
    temps.put("a", 1.0);
    temps.put("b", 2.0);

    Environment e = withVolatile(board(), null, freqs, temps, 0, null, T0);
    freqs.add(2000.0);
    temps.put("c", 3.0);

    assertThat(e.cpuFrequenciesMhz()).containsExactly(1000.0);
    assertThat(e.temperaturesC()).containsExactly(Map.entry("a", 1.0), Map.entry("b", 2.0));
    assertThatThrownBy(() -> e.cpuFrequenciesMhz().add(1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructor_nullCapturedAt_throws() {
    assertThatThrownBy(() -> withVolatile(board(), null, null, null, 0, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("capturedAt");
  }

  @Test
  void toMap_snakeCaseKeysInOrder_withValuesAsIs() {
    Environment e = board();

    Map<String, Object> map = e.toMap();

    assertThat(map.keySet())
        .containsExactly("cpu_model", "logical_cores", "cpu_governor", "cpu_frequencies_mhz",
            "cpu_max_frequencies_mhz", "temperatures_c", "load_average_1m", "os_name",
            "os_version", "os_arch", "jvm", "total_memory_bytes", "device_model", "platform",
            "captured_at", "fingerprint");
    assertThat(map)
        .containsEntry("cpu_model", "ARM Cortex-A78AE")
        .containsEntry("logical_cores", 12)
        .containsEntry("cpu_frequencies_mhz", e.cpuFrequenciesMhz())
        .containsEntry("temperatures_c", e.temperaturesC())
        .containsEntry("load_average_1m", 1.25)
        .containsEntry("total_memory_bytes", 64_000_000_000L)
        .containsEntry("captured_at", "2025-01-02T03:04:05Z")
        .containsEntry("fingerprint", e.fingerprint());
  }

  @Test
  void toMap_unknownValues_areNull() {
    Environment unknown = new Environment(null, -1, null, null, null, null, Double.NaN, null, null,
        null, null, -1, null, T0);

    assertThat(unknown.toMap())
        .containsEntry("cpu_model", null)
        .containsEntry("device_model", null)
        .containsEntry("platform", Map.of())
        .containsEntry("total_memory_bytes", -1L);
  }

  @Test
  void platform_phoneState_inMapButNotInFingerprint() {
    Environment e = board();
    Environment phone = withPlatform(e, new TreeMap<>(Map.of("android.battery_percent", "81",
        "android.thermal_status", "none")));
    Environment hotter = withPlatform(e, new TreeMap<>(Map.of("android.battery_percent", "12",
        "android.thermal_status", "severe")));

    assertThat(phone.toMap().get("platform"))
        .isEqualTo(Map.of("android.battery_percent", "81", "android.thermal_status", "none"));
    assertThat(hotter.fingerprint()).isEqualTo(phone.fingerprint()).isEqualTo(e.fingerprint());
  }

  @Test
  void platform_nullValue_rejected() {
    TreeMap<String, String> bad = new TreeMap<>();
    bad.put("android.soc", null);

    assertThatThrownBy(() -> withPlatform(board(), bad))
        .isInstanceOf(NullPointerException.class);
  }

  private static Environment withPlatform(Environment e, TreeMap<String, String> platform) {
    return new Environment(e.cpuModel(), e.logicalCores(), e.cpuGovernor(),
        e.cpuFrequenciesMhz(), e.cpuMaxFrequenciesMhz(), e.temperaturesC(), e.loadAverage1m(),
        e.osName(), e.osVersion(), e.osArch(), e.jvm(), e.totalMemoryBytes(), e.deviceModel(),
        platform, e.capturedAt());
  }

}
