package dev.latlab.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * What {@code /proc/cpuinfo} says, in x86 style ({@code model name}, {@code cpu MHz}) or ARM style
 * ({@code Hardware}, {@code CPU implementer}, {@code CPU part}). Unknown fields are null, 0 or
 * empty.
 *
 * @param modelName the first {@code model name} (or, on old 32-bit ARM kernels, {@code Processor})
 * @param hardware the {@code Hardware} line (SoC name on Android and Raspberry Pi kernels)
 * @param processors the number of {@code processor} lines, one per online logical CPU
 * @param mhz the {@code cpu MHz} lines in order, NaN where garbled
 * @param armCores distinct {@code implementer << 12 | part} codes in order of first appearance
 */
record CpuInfo(
    String modelName, String hardware, int processors, List<Double> mhz, List<Integer> armCores) {

  static final CpuInfo EMPTY = new CpuInfo(null, null, 0, List.of(), List.of());

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Map<Integer, String> IMPLEMENTERS = new HashMap<>();
  private static final Map<Integer, String> PARTS = new HashMap<>();

  static {
    // From util-linux lscpu-arm.c, cut down to the cores found on phones, boards and servers.
    vendor(0x41, "ARM", "d03 Cortex-A53, d04 Cortex-A35, d05 Cortex-A55, d07 Cortex-A57,"
        + " d08 Cortex-A72, d09 Cortex-A73, d0a Cortex-A75, d0b Cortex-A76, d0c Neoverse-N1,"
        + " d0d Cortex-A77, d0e Cortex-A76AE, d40 Neoverse-V1, d41 Cortex-A78, d42 Cortex-A78AE,"
        + " d44 Cortex-X1, d46 Cortex-A510, d47 Cortex-A710, d48 Cortex-X2, d49 Neoverse-N2,"
        + " d4b Cortex-A78C, d4d Cortex-A715, d4e Cortex-X3, d4f Neoverse-V2, d80 Cortex-A520,"
        + " d81 Cortex-A720, d82 Cortex-X4, d84 Neoverse-V3, d85 Cortex-X925, d87 Cortex-A725,"
        + " c07 Cortex-A7, c09 Cortex-A9, c0f Cortex-A15");
    vendor(0x4e, "NVIDIA", "000 Denver, 003 Denver-2, 004 Carmel");
    vendor(0x51, "Qualcomm", "800 Kryo-2XX-Gold, 801 Kryo-2XX-Silver, 802 Kryo-3XX-Gold,"
        + " 803 Kryo-3XX-Silver, 804 Kryo-4XX-Gold, 805 Kryo-4XX-Silver, 001 Oryon");
    vendor(0x42, "Broadcom", "");
    vendor(0x48, "HiSilicon", "");
    vendor(0x53, "Samsung", "");
    vendor(0x61, "Apple", "");
    vendor(0xc0, "Ampere", "");
  }

  /**
   * Returns the best CPU name cpuinfo offers: {@code model name}, else {@code Hardware}, else the
   * decoded ARM core types (e.g. {@code ARM Cortex-A55 + ARM Cortex-A76}), else null.
   */
  String model() {
    if (modelName != null) {
      return modelName;
    }
    if (hardware != null) {
      return hardware;
    }
    return armCores.isEmpty() ? null : describeArm(armCores);
  }

  /** Parses the text of /proc/cpuinfo; null gives {@link #EMPTY}. */
  static CpuInfo parse(String text) {
    if (text == null) {
      return EMPTY;
    }
    Parser parser = new Parser();
    for (String line : text.split("\n")) {
      parser.accept(line);
    }
    return parser.result();
  }

  /** Names ARM core types, e.g. {@code ARM Cortex-A55 + ARM Cortex-A76}. */
  static String describeArm(List<Integer> cores) {
    StringJoiner joined = new StringJoiner(" + ");
    for (int code : cores) {
      joined.add(describeArm(code >>> 12, code & 0xfff));
    }
    return joined.toString();
  }

  private static String describeArm(int implementer, int part) {
    String vendor = IMPLEMENTERS.get(implementer);
    String name = PARTS.get(implementer << 12 | part);
    if (vendor == null) {
      return String.format(Locale.ROOT, "CPU implementer 0x%02x part 0x%03x", implementer, part);
    }
    return name != null
        ? vendor + " " + name
        : String.format(Locale.ROOT, "%s part 0x%03x", vendor, part);
  }

  private static void vendor(int implementer, String name, String parts) {
    IMPLEMENTERS.put(implementer, name);
    for (String entry : parts.split(",")) {
      String[] codeAndName = entry.trim().split(" ", 2);
      if (codeAndName.length == 2) {
        PARTS.put(implementer << 12 | Integer.parseInt(codeAndName[0], 16), codeAndName[1]);
      }
    }
  }

  /** Accumulates cpuinfo lines; keys are case-sensitive because "Processor" != "processor". */
  private static final class Parser {
    private String modelName;
    private String legacyProcessor;
    private String hardware;
    private int processors;
    private final List<Double> mhz = new ArrayList<>();
    private final Set<Integer> armCores = new LinkedHashSet<>();
    private int implementer = -1;

    void accept(String line) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        return;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "processor" -> processors++;
        case "Processor" -> legacyProcessor = firstNonEmpty(legacyProcessor, value);
        case "model name" -> modelName = firstNonEmpty(modelName, value);
        case "Hardware" -> hardware = firstNonEmpty(hardware, value);
        case "cpu MHz" -> mhz.add(SysFiles.parseDouble(value, "cpu MHz"));
        case "CPU implementer" -> implementer = hex(value);
        case "CPU part" -> addArmCore(hex(value));
        default -> { }
      }
    }

    private void addArmCore(int part) {
      if (implementer >= 0 && part >= 0) {
        armCores.add(implementer << 12 | part);
      }
    }

    CpuInfo result() {
      return new CpuInfo(
          modelName != null ? modelName : legacyProcessor,
          hardware,
          processors,
          Collections.unmodifiableList(mhz),
          Collections.unmodifiableList(new ArrayList<>(armCores)));
    }

    /** Keeps the first non-empty value, with runs of spaces collapsed (Intel pads its names). */
    private static String firstNonEmpty(String current, String value) {
      if (current != null || value.isEmpty()) {
        return current;
      }
      return WHITESPACE.matcher(value).replaceAll(" ");
    }

    private static int hex(String value) {
      try {
        return Integer.decode(value);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}
