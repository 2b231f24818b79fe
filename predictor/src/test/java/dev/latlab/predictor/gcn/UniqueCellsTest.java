package dev.latlab.predictor.gcn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueCellsTest {
  @Test
  void of_allNb201Cells_mergesIdenticalEncodingsOnly() {
    List<GcnEncoding> all = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      all.add(GcnEncoding.of(Arch.fromIndex(i)));
    }
    UniqueCells unique = UniqueCells.of(all);
    // Pruning dead edges and bypassing skips make many cells share a graph.
    assertThat(unique.distinct).hasSize(8687);
    for (int i = 0; i < all.size(); i++) {
      GcnEncoding mine = all.get(i);
      GcnEncoding shared = unique.distinct.get(unique.slot[i]);
      assertThat(Arrays.equals(shared.adjacencyMatrix(), mine.adjacencyMatrix())
          && Arrays.equals(shared.featureMatrix(), mine.featureMatrix())).as("cell %d", i).isTrue();
    }
  }
}
