package dev.latlab.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentProbeTest {
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  private static final String X86_CPUINFO =
      """
      processor\t: 0
      vendor_id\t: GenuineIntel
      model\t\t: 142
      model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
      cpu MHz\t\t: 1900.000
      flags\t\t: fpu vme de pse

      processor\t: 1
      model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
      cpu MHz\t\t: 2596.122

      processor\t: 2
      model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
      cpu MHz\t\t: 800.000

      processor\t: 3
      model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
      cpu MHz\t\t: 4200.000
      """;

  @TempDir Path root;

  @Test
  void capture_x86Tree_parsesEveryValueExactly() throws IOException {
    writeX86Tree();

    Environment env = probe().capture();

    assertThat(env.cpuModel()).isEqualTo("Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz");
    assertThat(env.logicalCores()).isEqualTo(4);
    assertThat(env.cpuGovernor()).isEqualTo("performance,powersave");
    assertThat(env.cpuFrequenciesMhz()).containsExactly(1900.0, 2100.0, 800.0, 4200.0);
    assertThat(env.cpuMaxFrequenciesMhz()).containsExactly(4200.0, 4200.0, 4200.0, 4200.0);
    assertThat(env.temperaturesC())
        .containsExactly(
            Map.entry("acpitz", 27.8), Map.entry("acpitz#1", 30.0), Map.entry("x86_pkg_temp", 45.0));
    assertThat(env.loadAverage1m()).isEqualTo(0.52);
    assertThat(env.osName()).isEqualTo(System.getProperty("os.name"));
    assertThat(env.osVersion()).isEqualTo("6.5.0-21-generic");
    assertThat(env.osArch()).isEqualTo(System.getProperty("os.arch"));
    assertThat(env.jvm()).contains(System.getProperty("java.vm.name"));
    assertThat(env.totalMemoryBytes()).isEqualTo(16_261_132L * 1024);
    assertThat(env.deviceModel()).isEqualTo("LENOVO 20L8S02D00");
    assertThat(env.capturedAt()).isEqualTo(NOW);
    assertThat(env.maxTemperatureC()).isEqualTo(45.0);
    assertThat(env.meanFrequencyMhz()).isEqualTo(2250.0);
  }

  @Test
  void capture_armTreeWithHardwareLine_usesHardwareAndDeviceTree() throws IOException {
    write("proc/cpuinfo", armCpuinfo("0xd08", "0xd08", "0xd08", "0xd08") + "Hardware\t: BCM2835\n"
        + "Revision\t: c03114\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n");
    write("proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.4\0");

    Environment env = probe().capture();

    assertThat(env.cpuModel()).isEqualTo("BCM2835");
    assertThat(env.deviceModel()).isEqualTo("Raspberry Pi 4 Model B Rev 1.4");
    assertThat(env.logicalCores()).isEqualTo(4);
    assertThat(env.cpuFrequenciesMhz()).isEmpty();
    assertThat(env.meanFrequencyMhz()).isNaN();
  }

  @Test
  void capture_armTreeWithoutHardwareLine_namesTheCoreTypes() throws IOException {
    write("proc/cpuinfo", armCpuinfo("0xd05", "0xd05", "0xd0b", "0xfff"));

    assertThat(probe().capture().cpuModel())
        .isEqualTo("ARM Cortex-A55 + ARM Cortex-A76 + ARM part 0xfff");
  }

  @Test
  void capture_cpuinfoWithoutAnyModel_fallsBackToDeviceTree() throws IOException {
    write("proc/cpuinfo", "processor\t: 0\nBogoMIPS\t: 62.50\n\nprocessor\t: 1\n");
    write("proc/device-tree/model", "NVIDIA Jetson AGX Orin Developer Kit\0");

    Environment env = probe().capture();

    assertThat(env.cpuModel()).isEqualTo("NVIDIA Jetson AGX Orin Developer Kit");
    assertThat(env.deviceModel()).isEqualTo("NVIDIA Jetson AGX Orin Developer Kit");
    assertThat(env.logicalCores()).isEqualTo(2);
  }

  @Test
  void capture_presentList_winsOverOnlineProcessorLines() throws IOException {
    write("proc/cpuinfo", armCpuinfo("0xd05", "0xd05"));
    write("sys/devices/system/cpu/present", "0-7\n");

    assertThat(probe().capture().logicalCores()).isEqualTo(8);
  }

  @Test
  void capture_noCpufreq_takesCpuinfoMhz() throws IOException {
    write("proc/cpuinfo", X86_CPUINFO);
    Files.createDirectories(root.resolve("sys/devices/system/cpu/cpu0"));

    assertThat(probe().capture().cpuFrequenciesMhz())
        .containsExactly(1900.0, 2596.122, 800.0, 4200.0);
  }

  @Test
  void capture_emptyTree_givesUnknownsNotExceptions() {
    Environment env = probe().capture();

    assertThat(env.cpuModel()).isNull();
    assertThat(env.logicalCores()).isEqualTo(-1);
    assertThat(env.cpuGovernor()).isNull();
    assertThat(env.cpuFrequenciesMhz()).isEmpty();
    assertThat(env.cpuMaxFrequenciesMhz()).isEmpty();
    assertThat(env.temperaturesC()).isEmpty();
    assertThat(env.loadAverage1m()).isNaN();
    assertThat(env.osVersion()).isNull();
    assertThat(env.totalMemoryBytes()).isEqualTo(-1);
    assertThat(env.deviceModel()).isNull();
    assertThat(env.osName()).isEqualTo(System.getProperty("os.name"));
    assertThat(env.maxTemperatureC()).isNaN();
    assertThat(env.fingerprint()).hasSize(16);
  }

  @Test
  void capture_missingRoot_givesUnknownsNotExceptions() {
    Environment env = new EnvironmentProbe(root.resolve("does/not/exist")).capture();

    assertThat(env.logicalCores()).isEqualTo(-1);
    assertThat(env.temperaturesC()).isEmpty();
  }

  @Test
  void capture_garbledFiles_skipsOrMarksThemUnknown() throws IOException {
    writeZone(0, "acpitz", "garbage\n");
    writeZone(1, "x86_pkg_temp", "41000\n");
    writeZone(2, "bogus", "");
    writeCore(0, "powersave", "n/a", "4200000");
    writeCore(1, "powersave", "1000000", "4200000");
    write("proc/loadavg", "not a load average\n");
    write("proc/meminfo", "MemTotal:       lots kB\n");
    write("sys/devices/system/cpu/present", "zero-three\n");

    Environment env = probe().capture();

    assertThat(env.temperaturesC()).containsExactly(Map.entry("x86_pkg_temp", 41.0));
    assertThat(env.cpuFrequenciesMhz()).containsExactly(Double.NaN, 1000.0);
    assertThat(env.meanFrequencyMhz()).isEqualTo(1000.0);
    assertThat(env.loadAverage1m()).isNaN();
    assertThat(env.totalMemoryBytes()).isEqualTo(-1);
    assertThat(env.logicalCores()).isEqualTo(2); // from the cpu0, cpu1 directories
  }

  @Test
  void capture_directoryWhereFileExpected_givesUnknown() throws IOException {
    Files.createDirectories(root.resolve("proc/loadavg"));
    Files.createDirectories(root.resolve("proc/cpuinfo"));

    Environment env = probe().capture();

    assertThat(env.loadAverage1m()).isNaN();
    assertThat(env.cpuModel()).isNull();
  }

  @Test
  void capture_zoneWithoutTypeOrInWholeDegrees_isNamedAndScaled() throws IOException {
    write("sys/class/thermal/thermal_zone3/temp", "45\n");
    writeZone(10, "battery", "-5000\n");
    Files.createDirectories(root.resolve("sys/class/thermal/cooling_device0"));

    assertThat(probe().capture().temperaturesC())
        .containsExactly(Map.entry("battery", -5.0), Map.entry("thermal_zone3", 45.0));
  }

  @Test
  void capture_sameMachineInAnotherState_keepsTheFingerprint() throws IOException {
    writeX86Tree();
    Environment before = probe().capture();
    writeZone(1, "x86_pkg_temp", "92000\n");
    writeCore(0, "performance", "4100000", "4200000");
    write("proc/loadavg", "7.90 3.10 1.00 9/1000 4242\n");
    write("proc/sys/kernel/osrelease", "6.8.0-40-generic\n");

    Environment after = probe().capture();

    assertThat(after).isNotEqualTo(before);
    assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
  }

  @Test
  void capture_otherCpuModelOrCoreCount_changesTheFingerprint() throws IOException {
    writeX86Tree();
    String original = probe().capture().fingerprint();

    write("proc/cpuinfo", X86_CPUINFO.replace("i7-8650U", "i5-8250U"));
    String otherModel = probe().capture().fingerprint();
    write("proc/cpuinfo", X86_CPUINFO);
    write("sys/devices/system/cpu/present", "0-7\n");
    String otherCores = probe().capture().fingerprint();

    assertThat(otherModel).isNotEqualTo(original);
    assertThat(otherCores).isNotEqualTo(original).isNotEqualTo(otherModel);
  }

  @Test
  void cpuListSize_kernelLists_countsCpus() {
    assertThat(EnvironmentProbe.cpuListSize("0-3,8-11")).isEqualTo(8);
    assertThat(EnvironmentProbe.cpuListSize("0")).isEqualTo(1);
    assertThat(EnvironmentProbe.cpuListSize("0-1,4")).isEqualTo(3);
    assertThat(EnvironmentProbe.cpuListSize("zero")).isZero();
    assertThat(EnvironmentProbe.cpuListSize(null)).isZero();
  }

  @Test
  void capture_realSystem_works() throws IOException {
    Environment env = EnvironmentProbe.system().capture();

    assertThat(env.logicalCores())
        .isIn(Runtime.getRuntime().availableProcessors(), processorLinesOnThisMachine());
    assertThat(env.osName()).isNotBlank();
    assertThat(env.osArch()).isNotBlank();
    assertThat(env.jvm()).isNotBlank();
    assertThat(EnvironmentProbe.system().capture().fingerprint()).isEqualTo(env.fingerprint());
  }

  private static int processorLinesOnThisMachine() throws IOException {
    Path cpuinfo = Paths.get("/proc/cpuinfo");
    if (!Files.isReadable(cpuinfo)) {
      return -1;
    }
    return (int) Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("processor")).count();
  }

  private EnvironmentProbe probe() {
    return new EnvironmentProbe(root, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private void writeX86Tree() throws IOException {
    write("proc/cpuinfo", X86_CPUINFO);
    write("sys/devices/system/cpu/present", "0-3\n");
    writeCore(0, "powersave", "1900000", "4200000");
    writeCore(1, "powersave", "2100000", "4200000");
    writeCore(2, "performance", "800000", "4200000");
    writeCore(3, "powersave", "4200000", "4200000");
    writeZone(0, "acpitz", "27800\n");
    writeZone(1, "x86_pkg_temp", "45000\n");
    writeZone(2, "acpitz", "30000\n");
    write("proc/loadavg", "0.52 0.58 0.59 1/1234 5678\n");
    write("proc/meminfo", "MemTotal:       16261132 kB\nMemFree:         1000000 kB\n");
    write("proc/sys/kernel/osrelease", "6.5.0-21-generic\n");
    write("sys/class/dmi/id/sys_vendor", "LENOVO\n");
    write("sys/class/dmi/id/product_name", "20L8S02D00\n");
  }

  private static String armCpuinfo(String... parts) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      text.append("processor\t: ").append(i).append("\nBogoMIPS\t: 108.00\n")
          .append("Features\t: fp asimd evtstrm crc32 cpuid\nCPU implementer\t: 0x41\n")
          .append("CPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: ").append(parts[i])
          .append("\nCPU revision\t: 3\n\n");
    }
    return text.toString();
  }

  private void writeCore(int cpu, String governor, String curKhz, String maxKhz)
      throws IOException {
    String dir = "sys/devices/system/cpu/cpu" + cpu + "/cpufreq/";
    write(dir + "scaling_governor", governor + "\n");
    write(dir + "scaling_cur_freq", curKhz + "\n");
    write(dir + "cpuinfo_max_freq", maxKhz + "\n");
  }

  private void writeZone(int zone, String type, String temp) throws IOException {
    String dir = "sys/class/thermal/thermal_zone" + zone + "/";
    write(dir + "type", type + "\n");
    write(dir + "temp", temp);
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(UTF_8));
  }
}
