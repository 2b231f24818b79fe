package dev.latlab.predictor.gcn;

/** The arithmetic of training the GCN, for reporting achieved GFLOP/s. */
public final class GcnCost {
  private GcnCost() {}

  /**
   * Counts the floating-point operations (a multiply-add is 2) of the matrix products of one epoch:
   * forward and backward over the training cells, forward over the validation cells. The last layer
   * computes only the global node's row, as the network does.
   *
   * @param o the options (layers, hidden)
   * @param train training cells
   * @param valid validation cells
   * @return FLOPs per epoch
   */
  public static double epochFlops(GcnOptions o, int train, int valid) {
    double h = o.hidden();
    int nodes = GraphSet.NODES;
    double full = 2.0 * nodes * h * h;
    double first = 2.0 * nodes * GraphSet.FEATURES * h;
    double last = 2.0 * h * h;
    int mid = Math.max(0, o.layers() - 2);
    double forward = first + mid * full + last;
    // Backward: weight gradient for every layer, input gradient for all but the first.
    double backward = first + 2 * mid * full + 2 * last;
    return train * (forward + backward) + valid * forward;
  }
}
