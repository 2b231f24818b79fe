package dev.latlab.nb201;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Canonical strings of a cell, one per equivalence level. Two cells are equivalent at a level exactly
 * when their strings at that level are equal.
 *
 * <p>Both strings are built node by node: node 0 (the cell input) is {@code "0"}; an edge from node j
 * contributes a term: {@code skip_connect} passes node j's string through unchanged, any other non-zero
 * op wraps it as {@code (s)@op}; a node's string is its terms sorted and joined with {@code +}; the
 * cell's string is node 3's.
 */
final class CellForms {
  /** The zero marker of NB201's form. */
  static final String ZERO = "#";

  private CellForms() {}

  /**
   * NB201's own isomorphism form ({@code Structure.to_unique_str(consider_zero=True)} in the NB201
   * code): a {@code none} edge, or an edge whose input node's string is exactly the zero marker,
   * contributes the term {@code #}. A node whose terms are all zero is {@code #+#} (not {@code #}),
   * so it is not recognised as zero downstream. This gives the NB201 paper's 6466 classes.
   */
  static String nb201Form(Arch arch) {
    String[] nodes = {"0", null, null, null};
    for (int node = 1; node <= 3; node++) {
      List<String> terms = new ArrayList<>(node);
      for (int e = 0; e < Arch.EDGES; e++) {
        if (Arch.EDGE_TO[e] == node) {
          String in = nodes[Arch.EDGE_FROM[e]];
          Op op = arch.op(e);
          terms.add(op == Op.NONE || in.equals(ZERO) ? ZERO : term(op, in));
        }
      }
      nodes[node] = join(terms);
    }
    return nodes[3];
  }

  /**
   * The compute form: zero inputs are removed entirely. A {@code none} edge, or an edge from a node
   * that is zero, contributes no term; a node with no terms is zero. This gives 5390 classes.
   * Returns null for a degenerate cell, whose output is always zero.
   *
   * <p>Like NB201's form, it writes an expression, not an instance: a sub-result that one cell
   * computes once and reuses (conv, then skip to two places) and one that another cell computes
   * twice on two edges read the same. In 506 of the 5390 classes the members' networks therefore
   * differ in how many times such a sub-expression is computed (see docs/search-space.md).
   */
  static String computeForm(Arch arch) {
    String[] nodes = {"0", null, null, null};
    for (int node = 1; node <= 3; node++) {
      List<String> terms = new ArrayList<>(node);
      for (int e = 0; e < Arch.EDGES; e++) {
        String in = nodes[Arch.EDGE_FROM[e]];
        if (Arch.EDGE_TO[e] == node && arch.op(e) != Op.NONE && in != null) {
          terms.add(term(arch.op(e), in));
        }
      }
      nodes[node] = terms.isEmpty() ? null : join(terms);
    }
    return nodes[3];
  }

  private static String term(Op op, String input) {
    return op == Op.SKIP_CONNECT ? input : "(" + input + ")@" + op.nb201Name();
  }

  private static String join(List<String> terms) {
    Collections.sort(terms);
    return String.join("+", terms);
  }
}
