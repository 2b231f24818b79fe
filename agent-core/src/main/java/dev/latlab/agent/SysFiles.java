package dev.latlab.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tolerant reads of small /proc and /sys files below a root directory. Every failure (missing,
 * unreadable, garbled) becomes "unknown" (null, NaN or an empty list) and a FINE log line, because
 * which of these files exist and are readable differs by kernel, board and, on Android, by SELinux
 * policy.
 */
final class SysFiles {
  private static final Logger logger = Logger.getLogger(SysFiles.class.getName());

  private final Path root;

  SysFiles(Path root) {
    this.root = root;
  }

  /**
   * Resolves a path such as {@code proc/cpuinfo} against the root.
   *
   * @param relative the path without the leading slash
   * @return the file below the root
   */
  Path path(String relative) {
    return root.resolve(relative);
  }

  /** Returns the whole file as text, or null if it cannot be read. */
  String text(Path file) {
    try {
      // readAllBytes, not Files.size: /proc and /sys files report a size of 0 or 4096.
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      if (logger.isLoggable(Level.FINE)) {
        logger.log(Level.FINE, "Cannot read " + file, e);
      }
      return null;
    }
  }

  /**
   * Returns the first line, trimmed and without NUL bytes (device-tree strings end in one), or null
   * if the file cannot be read or the line is empty.
   */
  String line(Path file) {
    String text = text(file);
    if (text == null) {
      return null;
    }
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).replace("\0", "").trim();
    return first.isEmpty() ? null : first;
  }

  /** Returns the first line as a number, or NaN if it cannot be read or is not a number. */
  double number(Path file) {
    String line = line(file);
    return line == null ? Double.NaN : parseDouble(line, file);
  }

  /** Parses a number, or NaN (logged at FINE) if the text is garbled. */
  static double parseDouble(String text, Object source) {
    try {
      double value = Double.parseDouble(text.trim());
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      if (logger.isLoggable(Level.FINE)) {
        logger.log(Level.FINE, "Not a number in " + source + ": '" + text + "'", e);
      }
      return Double.NaN;
    }
  }

  /**
   * Lists the subdirectories named {@code prefix} followed by digits ({@code cpu0}, {@code
   * thermal_zone12}), in numeric order, or an empty list if the directory cannot be listed.
   */
  List<Path> numbered(Path dir, String prefix) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "[0-9]*")) {
      for (Path entry : entries) {
        if (index(entry, prefix) >= 0) {
          found.add(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (logger.isLoggable(Level.FINE)) {
        logger.log(Level.FINE, "Cannot list " + dir, e);
      }
      return List.of();
    }
    // Numeric, not lexical: cpu10 comes after cpu9.
    found.sort(Comparator.comparingInt(p -> index(p, prefix)));
    return found;
  }

  /** Returns the number after the prefix in the file name, or -1 if the rest is not all digits. */
  static int index(Path entry, String prefix) {
    String name = entry.getFileName().toString();
    String digits = name.substring(Math.min(prefix.length(), name.length()));
    if (!name.startsWith(prefix) || digits.isEmpty() || digits.length() > 9) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }
}
