package dev.latlab.nb201.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcnEncodingTest {

  /** Edges i->j (besides the global row and the diagonal), as "i>j". */
  private static List<String> dagEdges(GcnEncoding g) {
    List<String> edges = new ArrayList<>();
    for (int i = 1; i < GcnEncoding.NODES; i++) {
      for (int j = 1; j < GcnEncoding.NODES; j++) {
        if (i != j && g.adjacency(i, j) == 1) {
          edges.add(i + ">" + j);
        }
      }
    }
    return edges;
  }

  /** The feature column set on each node, or -1 for an all-zero row. */
  private static List<Integer> labels(GcnEncoding g) {
    List<Integer> labels = new ArrayList<>();
    for (int n = 0; n < GcnEncoding.NODES; n++) {
      int label = -1;
      for (int f = 0; f < GcnEncoding.FEATURES; f++) {
        if (g.feature(n, f) == 1) {
          assertThat(label).as("one-hot row %d", n).isEqualTo(-1);
          label = f;
        }
      }
      labels.add(label);
    }
    return labels;
  }

  @Test
  void of_index0_bypassesSkipsAsBrpNas() {
    GcnEncoding g = GcnEncoding.of(Arch.parse("421211"));
    assertThat(dagEdges(g)).containsExactly("1>2", "1>3", "1>5", "2>8", "3>8", "5>8");
    assertThat(labels(g)).containsExactly(5, 3, 2, 0, -1, 0, -1, -1, 4);
  }

  @Test
  void of_allConv3x3_keepsTheFullCellDag() {
    GcnEncoding g = GcnEncoding.of(Arch.parse("333333"));
    assertThat(dagEdges(g))
        .containsExactly("1>2", "1>3", "1>5", "2>4", "2>6", "3>7", "4>7", "5>8", "6>8", "7>8");
    assertThat(labels(g)).containsExactly(5, 3, 1, 1, 1, 1, 1, 1, 4);
  }

  @Test
  void of_degenerateCell_hasOnlyGlobalRowAndSelfLoops() {
    GcnEncoding g = GcnEncoding.of(Arch.parse("000000"));
    assertThat(dagEdges(g)).isEmpty();
    assertThat(labels(g)).containsExactly(5, 3, -1, -1, -1, -1, -1, -1, 4);
    float[] a = g.adjacencyMatrix();
    for (int i = 0; i < GcnEncoding.NODES; i++) {
      assertThat(a[i * 9 + i]).isEqualTo(1f);
      assertThat(a[i]).isEqualTo(1f);
    }
  }

  @Test
  void of_deadBranch_isPruned() {
    // conv on 0->1 whose node 1 feeds nothing: pruned; conv on 0->3 stays.
    GcnEncoding g = GcnEncoding.of(Arch.parse("300300"));
    assertThat(dagEdges(g)).containsExactly("1>5", "5>8");
    assertThat(labels(g)).containsExactly(5, 3, -1, -1, -1, 1, -1, -1, 4);
  }

  @Test
  void of_everyCell_labelsExactlyTheOpNodesOnAnInputOutputPath() {
    for (Arch arch : Arch.all()) {
      GcnEncoding g = GcnEncoding.of(arch);
      List<Integer> labels = labels(g);
      boolean anyOpEdge = !dagEdges(g).isEmpty();
      assertThat(anyOpEdge).isEqualTo(!SearchSpace.isDegenerate(arch));
      for (int node = 2; node <= 7; node++) {
        boolean connected = hasIn(g, node) && hasOut(g, node);
        assertThat(labels.get(node) >= 0).as("%s node %d", arch, node).isEqualTo(connected);
      }
      assertThat(g.featureMatrix()).hasSize(54);
    }
  }

  private static boolean hasIn(GcnEncoding g, int node) {
    for (int i = 1; i < GcnEncoding.NODES; i++) {
      if (i != node && g.adjacency(i, node) == 1) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasOut(GcnEncoding g, int node) {
    for (int j = 1; j < GcnEncoding.NODES; j++) {
      if (j != node && g.adjacency(node, j) == 1) {
        return true;
      }
    }
    return false;
  }
}
