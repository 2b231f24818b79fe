package dev.latlab.predictor.data;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.SearchSpace;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One device's latencies: at most one value in milliseconds per NB201 cell, ordered by arch index.
 * Immutable. Every value is finite and positive (readers refuse anything else).
 */
public final class LatencyData {
  private final String name;
  private final int[] indices;
  private final double[] ms;

  private LatencyData(String name, int[] indices, double[] ms) {
    this.name = name;
    this.indices = indices;
    this.ms = ms;
  }

  /**
   * Builds a dataset from a map of arch index to milliseconds.
   *
   * @param name where the data came from, e.g. {@code latbench_dev.csv:latbench_..._ms}
   * @param values arch index to latency in ms
   * @return the dataset
   * @throws IllegalArgumentException if an index is out of range or a value is not finite and
   *     positive
   */
  public static LatencyData of(String name, Map<Integer, Double> values) {
    TreeMap<Integer, Double> sorted = new TreeMap<>(values);
    int[] indices = new int[sorted.size()];
    double[] ms = new double[sorted.size()];
    int i = 0;
    for (Map.Entry<Integer, Double> e : sorted.entrySet()) {
      if (e.getKey() < 0 || e.getKey() >= Arch.COUNT) {
        throw new IllegalArgumentException("arch index out of range: " + e.getKey());
      }
      checkLatency(e.getValue(), "arch " + e.getKey());
      indices[i] = e.getKey();
      ms[i++] = e.getValue();
    }
    return new LatencyData(name, indices, ms);
  }

  /**
   * Checks that a latency can be learned from.
   *
   * @param ms the value
   * @param where names the value in the error
   * @throws IllegalArgumentException if it is NaN, infinite, zero or negative
   */
  static void checkLatency(double ms, String where) {
    if (!Double.isFinite(ms) || ms <= 0) {
      throw new IllegalArgumentException(where + ": latency must be a finite positive number of "
          + "milliseconds, got " + ms);
    }
  }

  /**
   * Returns the source description.
   *
   * @return e.g. {@code FILE:COLUMN}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the number of cells with a value.
   *
   * @return the size
   */
  public int size() {
    return indices.length;
  }

  /**
   * Returns the i-th cell, in arch-index order.
   *
   * @param i 0..size()-1
   * @return the cell
   */
  public Arch arch(int i) {
    return Arch.fromIndex(indices[i]);
  }

  /**
   * Returns the i-th latency.
   *
   * @param i 0..size()-1
   * @return milliseconds
   */
  public double ms(int i) {
    return ms[i];
  }

  /**
   * Returns every cell, in arch-index order.
   *
   * @return a new list
   */
  public List<Arch> archs() {
    List<Arch> archs = new ArrayList<>(indices.length);
    for (int index : indices) {
      archs.add(Arch.fromIndex(index));
    }
    return archs;
  }

  /**
   * Returns every latency, in arch-index order.
   *
   * @return a copy
   */
  public double[] values() {
    return ms.clone();
  }

  /**
   * Looks up a cell's latency.
   *
   * @param arch the cell
   * @return its latency in ms, or NaN if the data has none
   */
  public double lookup(Arch arch) {
    int at = Arrays.binarySearch(indices, arch.index());
    return at >= 0 ? ms[at] : Double.NaN;
  }

  /**
   * Returns the cells at the given positions.
   *
   * @param positions positions into this dataset
   * @return a new dataset, in arch-index order
   */
  public LatencyData subset(int[] positions) {
    Map<Integer, Double> values = new TreeMap<>();
    for (int p : positions) {
      values.put(indices[p], ms[p]);
    }
    return of(name, values);
  }

  /**
   * Drops the degenerate cells (no path from input to output), which LatBench never measured.
   *
   * @return a new dataset without them
   */
  public LatencyData withoutDegenerate() {
    Map<Integer, Double> values = new TreeMap<>();
    for (int i = 0; i < indices.length; i++) {
      if (!SearchSpace.isDegenerate(Arch.fromIndex(indices[i]))) {
        values.put(indices[i], ms[i]);
      }
    }
    return of(name, values);
  }

  /**
   * Returns a SHA-256 of the (index, value) pairs: the provenance of a trained predictor.
   *
   * @return 64 hex digits
   */
  public String contentHash() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ByteBuffer pair = ByteBuffer.allocate(12);
      for (int i = 0; i < indices.length; i++) {
        pair.clear();
        pair.putInt(indices[i]).putDouble(ms[i]);
        sha.update(pair.array());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
