package dev.latlab.predictor.data;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads LatBench's (BRP-NAS's) latency files: a Python pickle of a dict from the arch vector, a
 * tuple of six op ids ({@code (4, 2, 1, 2, 1, 1)} for index 0), to the latency in seconds, as a
 * float or a numpy scalar. Any pickle protocol.
 */
public final class LatBenchPickle {
  private LatBenchPickle() {}

  /**
   * Parses a LatBench pickle.
   *
   * @param name the source description for the dataset
   * @param bytes the file's content
   * @return latencies in milliseconds
   * @throws IllegalArgumentException naming the first entry that is not {@code (6 ints): seconds}
   */
  public static LatencyData parse(String name, byte[] bytes) {
    Object root = PickleReader.read(bytes);
    if (!(root instanceof Map<?, ?> dict)) {
      throw new IllegalArgumentException("a LatBench pickle holds a dict; this one holds "
          + describe(root));
    }
    Map<Integer, Double> values = new TreeMap<>();
    for (Map.Entry<?, ?> e : dict.entrySet()) {
      Arch arch = arch(e.getKey());
      double seconds = seconds(e.getValue(), arch);
      if (values.put(arch.index(), seconds * 1000.0) != null) {
        throw new IllegalArgumentException("cell " + arch.vector() + " appears twice");
      }
    }
    return LatencyData.of(name, values);
  }

  private static Arch arch(Object key) {
    if (!(key instanceof List<?> ids) || ids.size() != Arch.EDGES) {
      throw new IllegalArgumentException("a key is not a tuple of " + Arch.EDGES + " op ids: "
          + describe(key));
    }
    Op[] ops = new Op[Arch.EDGES];
    for (int i = 0; i < Arch.EDGES; i++) {
      if (!(ids.get(i) instanceof Long id) || id < 0 || id > 4) {
        throw new IllegalArgumentException("key " + ids + ": op ids are ints 0..4");
      }
      ops[i] = Op.fromId(id.intValue());
    }
    return Arch.of(ops);
  }

  private static double seconds(Object value, Arch arch) {
    Double seconds = value instanceof Double d ? d
        : value instanceof Long l ? Double.valueOf(l) : PickleReader.numpyScalar(value);
    if (seconds == null) {
      throw new IllegalArgumentException("cell " + arch.vector() + ": the value is not a number: "
          + describe(value));
    }
    LatencyData.checkLatency(seconds * 1000.0, "cell " + arch.vector());
    return seconds;
  }

  private static String describe(Object value) {
    return value == null ? "nothing" : value.getClass().getSimpleName();
  }
}
