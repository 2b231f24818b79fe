package dev.latlab.nb201;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the public NB201 tables in shared/data beside the checkout (tests only, never run time). */
final class SharedData {
  private SharedData() {}

  static Path file(String name) {
    String dir = System.getProperty("latlab.shared.dir", "../../shared");
    Path path = Path.of(dir, "data", name);
    if (!Files.isReadable(path)) {
      throw new IllegalStateException("test data missing: " + path.toAbsolutePath());
    }
    return path;
  }

  /** The rows of a CSV without its header, split on commas (the files have no quoted fields). */
  static List<String[]> rows(String name) {
    try {
      List<String> lines = Files.readAllLines(file(name));
      List<String[]> rows = new ArrayList<>(lines.size() - 1);
      for (String line : lines.subList(1, lines.size())) {
        rows.add(line.split(",", -1));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
