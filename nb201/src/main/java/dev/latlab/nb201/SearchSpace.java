package dev.latlab.nb201;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Equivalence classes of the 15625 NB201 cells, each class named by the smallest index in it.
 *
 * <ul>
 *   <li><b>NB201 class</b> (6466 classes): NB201's own isomorphism, where a zero input leaves a zero
 *       marker in a node's sum (see {@link #canonicalIndex}).
 *   <li><b>Compute class</b> (5390 classes): cells whose networks are identical once zero inputs are
 *       removed entirely; measurement dedupes on this level (see {@link #computeIndex}).
 *   <li><b>Degenerate cells</b> (341): no input-to-output path through non-zero ops, so the output is
 *       always zero. They form one compute class. LatBench did not measure them.
 * </ul>
 *
 * <p>The tables are computed once, on first use (about 50 ms).
 */
public final class SearchSpace {
  private static final class Tables {
    static final int[] CANONICAL = classIndex(CellForms::nb201Form);
    static final int[] COMPUTE = classIndex(CellForms::computeForm);
  }

  private SearchSpace() {}

  /**
   * Returns the NB201 isomorphism class of a cell, named by its smallest index. NB201 builds, node by
   * node, a string in which {@code skip_connect} passes its input's string through, any other op wraps
   * it, a node is the sorted sum of its inputs, and a zero input (a {@code none} edge, or an input
   * node whose string is exactly the zero marker) leaves a zero marker in the sum.
   *
   * @param arch the cell
   * @return the smallest index of a cell NB201 deems isomorphic to it
   */
  public static int canonicalIndex(Arch arch) {
    return Tables.CANONICAL[arch.index()];
  }

  /**
   * Returns the compute class of a cell, named by its smallest index: cells in one class have
   * identical networks once {@code none} edges and edges from always-zero nodes are removed.
   *
   * @param arch the cell
   * @return the smallest index of a cell with the same network
   */
  public static int computeIndex(Arch arch) {
    return Tables.COMPUTE[arch.index()];
  }

  /**
   * Returns whether the cell's output is always zero (no path from input to output through non-zero
   * ops).
   *
   * @param arch the cell
   * @return true for the 341 degenerate cells
   */
  public static boolean isDegenerate(Arch arch) {
    return CellForms.computeForm(arch) == null;
  }

  /**
   * Returns one cell per compute class, the one with the smallest index, in index order.
   *
   * @return 5390 cells
   */
  public static List<Arch> computeClassRepresentatives() {
    return representatives(Tables.COMPUTE);
  }

  /**
   * Returns one cell per NB201 class, the one with the smallest index, in index order.
   *
   * @return 6466 cells
   */
  public static List<Arch> canonicalRepresentatives() {
    return representatives(Tables.CANONICAL);
  }

  private static List<Arch> representatives(int[] classOf) {
    List<Arch> reps = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      if (classOf[i] == i) {
        reps.add(Arch.fromIndex(i));
      }
    }
    return Collections.unmodifiableList(reps);
  }

  private static int[] classIndex(Function<Arch, String> form) {
    // Null (degenerate) is a key like any other: all degenerate cells share one class.
    Map<String, Integer> first = new HashMap<>();
    int[] classOf = new int[Arch.COUNT];
    for (int i = 0; i < Arch.COUNT; i++) {
      Integer earlier = first.putIfAbsent(form.apply(Arch.fromIndex(i)), i);
      classOf[i] = earlier == null ? i : earlier;
    }
    return classOf;
  }
}
