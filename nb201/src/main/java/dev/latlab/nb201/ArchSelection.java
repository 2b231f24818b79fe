package dev.latlab.nb201;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A set of cells named on the command line:
 *
 * <ul>
 *   <li>{@code all}: the 15625 cells in index order;
 *   <li>{@code compute-classes}: one cell per compute class (5390), the smallest index of each;
 *   <li>{@code sample:N[:SEED]}: N distinct compute-class representatives drawn uniformly with the
 *       seed (default 0), in index order;
 *   <li>{@code file:PATH}: one cell per line in any of its three names; blank lines and lines
 *       starting with {@code #} are skipped; duplicates are kept once.
 * </ul>
 */
public final class ArchSelection {
  private ArchSelection() {}

  /**
   * Resolves a selection.
   *
   * @param spec e.g. {@code sample:200:7}
   * @return the cells, without duplicates
   * @throws IllegalArgumentException naming the problem if the spec, the file or a line in it is
   *     bad (an {@link ArchFormatException} for a bad cell)
   */
  public static List<Arch> parse(String spec) {
    if (spec.equals("all")) {
      return Arch.all();
    }
    if (spec.equals("compute-classes")) {
      return SearchSpace.computeClassRepresentatives();
    }
    if (spec.startsWith("sample:")) {
      return sample(spec);
    }
    if (spec.startsWith("file:")) {
      return file(Path.of(spec.substring("file:".length())));
    }
    throw new IllegalArgumentException(
        "unknown arch selection '" + spec + "': expected all, compute-classes, sample:N[:SEED] "
            + "or file:PATH");
  }

  private static List<Arch> sample(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("arch selection '" + spec + "': expected sample:N[:SEED]");
    }
    List<Arch> pool = SearchSpace.computeClassRepresentatives();
    int n = parseInt(spec, parts[1], "N");
    if (n < 1 || n > pool.size()) {
      throw new IllegalArgumentException(
          "arch selection '" + spec + "': N must be 1.." + pool.size() + " (compute classes)");
    }
    long seed = parts.length == 3 ? parseLong(spec, parts[2]) : 0;
    List<Arch> shuffled = new ArrayList<>(pool);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      Collections.swap(shuffled, i, i + random.nextInt(shuffled.size() - i));
    }
    List<Arch> chosen = new ArrayList<>(shuffled.subList(0, n));
    chosen.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return List.copyOf(chosen);
  }

  private static List<Arch> file(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read arch file " + path + ": " + e, e);
    }
    Set<Arch> archs = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        archs.add(Arch.parse(line));
      } catch (ArchFormatException e) {
        throw new ArchFormatException(path + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    if (archs.isEmpty()) {
      throw new IllegalArgumentException("arch file " + path + " names no cell");
    }
    return List.copyOf(archs);
  }

  private static int parseInt(String spec, String text, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("arch selection '" + spec + "': " + what + " '" + text
          + "' is not a number");
    }
  }

  private static long parseLong(String spec, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("arch selection '" + spec + "': SEED '" + text
          + "' is not a number");
    }
  }
}
