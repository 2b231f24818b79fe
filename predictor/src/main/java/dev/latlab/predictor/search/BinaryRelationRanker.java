package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import dev.latlab.predictor.gcn.BinaryRelationPredictor;
import dev.latlab.predictor.gcn.GcnOptions;
import java.util.List;

/**
 * BRP-NAS's accuracy predictor (strategy {@code brp}): the binary relation GCN, trained on every
 * ordered pair of the cells queried so far, ranking candidates by a sort whose comparator is the
 * predictor (over precomputed embeddings).
 */
final class BinaryRelationRanker implements AccuracyRanker {
  private final GcnOptions options;
  private BinaryRelationPredictor predictor;

  BinaryRelationRanker(GcnOptions options) {
    this.options = options;
  }

  @Override
  public void fit(List<Arch> queried, double[] accuracy, long seed) {
    predictor = BinaryRelationPredictor.train(Encodings.of(queried), accuracy, options, seed,
        null);
  }

  @Override
  public int[] rank(List<Arch> candidates) {
    if (predictor == null) {
      throw new IllegalStateException("rank before fit");
    }
    return predictor.rank(Encodings.of(candidates));
  }

  /** Encodings of the cells, cached: ranking asks for all 15625 every iteration. */
  static final class Encodings {
    private static final GcnEncoding[] ALL = new GcnEncoding[Arch.COUNT];

    private Encodings() {}

    static synchronized List<GcnEncoding> of(List<Arch> archs) {
      GcnEncoding[] graphs = new GcnEncoding[archs.size()];
      for (int i = 0; i < graphs.length; i++) {
        int index = archs.get(i).index();
        if (ALL[index] == null) {
          ALL[index] = GcnEncoding.of(archs.get(i));
        }
        graphs[i] = ALL[index];
      }
      return List.of(graphs);
    }
  }
}
