package dev.latlab.predictor.gcn;

import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct encodings of a list of cells and where each cell's copy is. Many NB201 cells share
 * an encoding (dead edges are pruned), so inference embeds each distinct graph once.
 */
final class UniqueCells {
  final List<GcnEncoding> distinct;
  /** For each input cell, the index of its encoding in {@link #distinct}. */
  final int[] slot;

  private UniqueCells(List<GcnEncoding> distinct, int[] slot) {
    this.distinct = distinct;
    this.slot = slot;
  }

  static UniqueCells of(List<GcnEncoding> cells) {
    Map<Key, Integer> seen = new HashMap<>();
    List<GcnEncoding> distinct = new ArrayList<>();
    int[] slot = new int[cells.size()];
    for (int i = 0; i < slot.length; i++) {
      GcnEncoding cell = cells.get(i);
      if (cell == null) {
        throw new IllegalArgumentException("cell " + i + " is null");
      }
      Integer at = seen.putIfAbsent(Key.of(cell), distinct.size());
      if (at == null) {
        slot[i] = distinct.size();
        distinct.add(cell);
      } else {
        slot[i] = at;
      }
    }
    return new UniqueCells(distinct, slot);
  }

  /** The 81 adjacency and 54 feature bits of an encoding, packed into three longs. */
  private record Key(long a, long b, long c) {
    static Key of(GcnEncoding e) {
      long[] bits = new long[3];
      int n = 0;
      for (int i = 0; i < GraphSet.NODES; i++) {
        for (int j = 0; j < GraphSet.NODES; j++, n++) {
          bits[n >> 6] |= (long) (e.adjacency(i, j) != 0 ? 1 : 0) << (n & 63);
        }
        for (int f = 0; f < GraphSet.FEATURES; f++, n++) {
          bits[n >> 6] |= (long) (e.feature(i, f) != 0 ? 1 : 0) << (n & 63);
        }
      }
      return new Key(bits[0], bits[1], bits[2]);
    }
  }
}
