package dev.latlab.agent;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the machine's {@link Environment} from /proc and /sys (Linux, Android, edge boards) and
 * from the JVM. Each value has its own small reader that turns a missing, unreadable or garbled
 * file into "unknown", so {@link #capture()} never throws; on macOS and Windows most hardware
 * values come back unknown. Uses only {@code java.*}, so the Android agent shares it. A capture
 * reads a few dozen small files and takes well under 10 ms, so it can run between networks.
 * Thread-safe.
 */
public final class EnvironmentProbe {
  private static final Logger logger = Logger.getLogger(EnvironmentProbe.class.getName());
  private static final String CPU_DIR = "sys/devices/system/cpu";

  private final SysFiles files;
  private final Clock clock;
  private final boolean runtimeFallbacks;

  /**
   * Reads only files below {@code root}, plus the {@code os.name}, {@code os.arch} and JVM system
   * properties, which have no file; values the tree lacks stay unknown.
   */
  // Visible for testing
  EnvironmentProbe(Path root) {
    this(root, Clock.systemUTC(), false);
  }

  // Visible for testing
  EnvironmentProbe(Path root, Clock clock) {
    this(root, clock, false);
  }

  private EnvironmentProbe(Path root, Clock clock, boolean runtimeFallbacks) {
    this.files = new SysFiles(root);
    this.clock = clock;
    this.runtimeFallbacks = runtimeFallbacks;
  }

  /**
   * Returns a probe of this machine: the real /proc and /sys, falling back to what the JVM knows
   * (available processors, load average and memory from the platform MXBean where one exists,
   * {@code os.version}, and on Windows {@code PROCESSOR_IDENTIFIER}) where the files are missing.
   *
   * @return the probe
   */
  public static EnvironmentProbe system() {
    return new EnvironmentProbe(Paths.get("/"), Clock.systemUTC(), true);
  }

  /**
   * Reads the environment now. Never throws: each value that cannot be read is unknown, and the
   * reason is logged at FINE.
   *
   * @return the environment, time-stamped with this probe's clock
   */
  public Environment capture() {
    CpuInfo cpu = tolerant("cpuinfo", () -> CpuInfo.parse(text("proc/cpuinfo")), CpuInfo.EMPTY);
    List<Path> cores = tolerant("cpu list", () -> files.numbered(path(CPU_DIR), "cpu"), List.of());
    String boardModel = tolerant("device tree", () -> line("proc/device-tree/model"), null);
    return new Environment(
        tolerant("cpu model", () -> cpuModel(cpu, boardModel), null),
        tolerant("logical cores", () -> logicalCores(cpu, cores), -1),
        tolerant("governor", () -> governor(cores), null),
        tolerant("frequencies", () -> currentFrequencies(cpu, cores), List.of()),
        tolerant("max frequencies", () -> perCoreMhz(cores, "cpuinfo_max_freq"), List.of()),
        tolerant("temperatures", this::temperatures, new TreeMap<>()),
        tolerant("load average", this::loadAverage, Double.NaN),
        tolerant("os.name", () -> System.getProperty("os.name"), null),
        tolerant("os version", this::osVersion, null),
        tolerant("os.arch", () -> System.getProperty("os.arch"), null),
        tolerant("jvm", EnvironmentProbe::jvm, null),
        tolerant("memory", this::totalMemory, -1L),
        tolerant("device model", () -> deviceModel(boardModel), null),
        clock.instant());
  }

  private String cpuModel(CpuInfo cpu, String boardModel) {
    String model = cpu.model();
    if (model == null && runtimeFallbacks) {
      model = System.getenv("PROCESSOR_IDENTIFIER"); // Windows; null elsewhere
    }
    return model != null ? model : boardModel;
  }

  private int logicalCores(CpuInfo cpu, List<Path> cores) {
    // "present" first: cpuinfo lists only online CPUs, and phones switch cores off and on.
    int count = cpuListSize(line(CPU_DIR + "/present"));
    if (count <= 0) {
      count = cpu.processors() > 0 ? cpu.processors() : cores.size();
    }
    if (count <= 0 && runtimeFallbacks) {
      count = Runtime.getRuntime().availableProcessors();
    }
    return count > 0 ? count : -1;
  }

  /** Counts a kernel CPU list such as {@code 0-3,8-11}; 0 if absent or garbled. */
  static int cpuListSize(String list) {
    if (list == null) {
      return 0;
    }
    int count = 0;
    try {
      for (String range : list.split(",")) {
        String[] ends = range.trim().split("-");
        int first = Integer.parseInt(ends[0]);
        count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - first + 1;
      }
    } catch (NumberFormatException e) {
      logger.log(Level.FINE, "Garbled CPU list '" + list + "'", e);
      return 0;
    }
    return count;
  }

  private String governor(List<Path> cores) {
    TreeSet<String> governors = new TreeSet<>();
    for (Path core : cores) {
      String governor = files.line(core.resolve("cpufreq/scaling_governor"));
      if (governor != null) {
        governors.add(governor);
      }
    }
    return governors.isEmpty() ? null : String.join(",", governors);
  }

  private List<Double> currentFrequencies(CpuInfo cpu, List<Path> cores) {
    List<Double> mhz = perCoreMhz(cores, "scaling_cur_freq");
    // No cpufreq (VMs, some containers): the "cpu MHz" lines x86 kernels put in cpuinfo.
    return mhz.isEmpty() ? cpu.mhz() : mhz;
  }

  /** Reads a kHz cpufreq file of every core as MHz; empty if no core has it. */
  private List<Double> perCoreMhz(List<Path> cores, String file) {
    List<Double> mhz = new ArrayList<>(cores.size());
    boolean any = false;
    for (Path core : cores) {
      double khz = files.number(core.resolve("cpufreq").resolve(file));
      mhz.add(khz / 1000);
      any |= !Double.isNaN(khz);
    }
    return any ? mhz : List.of();
  }

  private SortedMap<String, Double> temperatures() {
    SortedMap<String, Double> celsius = new TreeMap<>();
    for (Path zone : files.numbered(path("sys/class/thermal"), "thermal_zone")) {
      double raw = files.number(zone.resolve("temp"));
      if (Double.isNaN(raw)) {
        continue; // garbled, or a zone that refuses reads (EINVAL, EAGAIN, SELinux)
      }
      String type = files.line(zone.resolve("type"));
      String name = type != null ? type : zone.getFileName().toString();
      celsius.put(uniqueName(celsius, name), toCelsius(raw));
    }
    return celsius;
  }

  /** Returns {@code name}, or {@code name#1}, {@code name#2}... if already taken. */
  static String uniqueName(Map<String, ?> taken, String name) {
    String unique = name;
    for (int n = 1; taken.containsKey(unique); n++) {
      unique = name + "#" + n;
    }
    return unique;
  }

  private static double toCelsius(double raw) {
    // The ABI says millidegrees, but some Android vendors' zones report whole degrees; no sensor
    // sits within 0.2 degrees of zero while a device runs, so small values are taken as degrees.
    return Math.abs(raw) < 200 ? raw : raw / 1000;
  }

  private double loadAverage() {
    String text = text("proc/loadavg");
    double load = text == null ? Double.NaN : SysFiles.parseDouble(text.split(" ")[0], "loadavg");
    if (Double.isNaN(load) && runtimeFallbacks) {
      load = RuntimeBeans.systemLoadAverage();
    }
    return load >= 0 ? load : Double.NaN;
  }

  private String osVersion() {
    String release = line("proc/sys/kernel/osrelease");
    return release == null && runtimeFallbacks ? System.getProperty("os.version") : release;
  }

  private static String jvm() {
    return joinKnown(
        System.getProperty("java.vendor"),
        System.getProperty("java.runtime.version", System.getProperty("java.version")),
        System.getProperty("java.vm.name"));
  }

  private long totalMemory() {
    String text = text("proc/meminfo");
    if (text != null) {
      for (String line : text.split("\n")) {
        if (line.startsWith("MemTotal:")) {
          double kib = SysFiles.parseDouble(line.substring(9).replace("kB", ""), "MemTotal");
          return Double.isNaN(kib) ? -1 : (long) kib * 1024;
        }
      }
    }
    return runtimeFallbacks ? RuntimeBeans.totalMemorySize() : -1;
  }

  private String deviceModel(String boardModel) {
    // DMI on PCs and VMs; the device tree on boards (Jetson, Raspberry Pi) and many phones.
    String dmi =
        joinKnown(line("sys/class/dmi/id/sys_vendor"), line("sys/class/dmi/id/product_name"));
    return dmi != null ? dmi : boardModel;
  }

  /** Joins the non-empty parts with spaces; null if there are none. */
  private static String joinKnown(String... parts) {
    StringJoiner joined = new StringJoiner(" ");
    for (String part : parts) {
      if (part != null && !part.isEmpty()) {
        joined.add(part);
      }
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  private Path path(String relative) {
    return files.path(relative);
  }

  private String text(String relative) {
    return files.text(path(relative));
  }

  private String line(String relative) {
    return files.line(path(relative));
  }

  private static <T> T tolerant(String what, Supplier<T> reader, T unknown) {
    try {
      T value = reader.get();
      return value != null ? value : unknown;
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Cannot read " + what, e);
      return unknown;
    }
  }
}
