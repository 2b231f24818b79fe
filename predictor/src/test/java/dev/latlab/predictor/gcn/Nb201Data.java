package dev.latlab.predictor.gcn;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One numeric column of a public NB201 table in shared/data (tests and the bench only, never run
 * time): the cells that have a value, and the values.
 */
final class Nb201Data {
  final List<Arch> archs;
  final double[] values;

  private Nb201Data(List<Arch> archs, double[] values) {
    this.archs = archs;
    this.values = values;
  }

  static Path file(String name) {
    String dir = System.getProperty("latlab.shared.dir", "../../shared");
    Path path = Path.of(dir, "data", name);
    if (!Files.isReadable(path)) {
      throw new IllegalStateException("test data missing: " + path.toAbsolutePath());
    }
    return path;
  }

  /** Reads column {@code column} of {@code file}, skipping empty fields. */
  static Nb201Data read(String file, String column) {
    try {
      List<String> lines = Files.readAllLines(file(file));
      int col = Arrays.asList(lines.get(0).split(",")).indexOf(column);
      if (col < 0) {
        throw new IllegalArgumentException("no column " + column + " in " + file);
      }
      List<Arch> archs = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        if (!f[col].isEmpty()) {
          archs.add(Arch.fromIndex(Integer.parseInt(f[0])));
          values.add(Double.parseDouble(f[col]));
        }
      }
      return new Nb201Data(archs, values.stream().mapToDouble(Double::doubleValue).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A seeded random permutation of the rows. */
  int[] shuffled(long seed) {
    int[] order = new int[archs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  List<GcnEncoding> encodings(int[] rows, int from, int to) {
    List<GcnEncoding> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(GcnEncoding.of(archs.get(rows[i])));
    }
    return out;
  }

  double[] values(int[] rows, int from, int to) {
    double[] out = new double[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = values[rows[i]];
    }
    return out;
  }

  /** {@code log(x)} z-scored with the mean and deviation of the first {@code fitCount} values. */
  static float[][] logZScore(double[] fit, double[]... more) {
    double mean = 0;
    for (double x : fit) {
      mean += Math.log(x);
    }
    mean /= fit.length;
    double var = 0;
    for (double x : fit) {
      var += Math.pow(Math.log(x) - mean, 2);
    }
    double sd = Math.sqrt(var / fit.length);
    float[][] out = new float[1 + more.length][];
    out[0] = z(fit, mean, sd);
    for (int i = 0; i < more.length; i++) {
      out[i + 1] = z(more[i], mean, sd);
    }
    return out;
  }

  private static float[] z(double[] xs, double mean, double sd) {
    float[] out = new float[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = (float) ((Math.log(xs[i]) - mean) / sd);
    }
    return out;
  }
}
