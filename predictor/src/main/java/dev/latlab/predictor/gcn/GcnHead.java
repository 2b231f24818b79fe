package dev.latlab.predictor.gcn;

/** The layer on top of the cell embedding. */
public enum GcnHead {
  /** {@code Linear(hidden, 1)}: one value per cell (latency). */
  REGRESSION(1, 1),
  /**
   * {@code Linear(2 * hidden, 2)} over the embeddings of two cells, then log-softmax: output 0 is
   * "the first cell is better".
   */
  BINARY_RELATION(2, 2);

  private final int outputs;
  private final int cellsPerInput;

  GcnHead(int outputs, int cellsPerInput) {
    this.outputs = outputs;
    this.cellsPerInput = cellsPerInput;
  }

  /**
   * Returns the head's output width.
   *
   * @return 1 or 2
   */
  public int outputs() {
    return outputs;
  }

  /**
   * Returns the head's input width.
   *
   * @param hidden the embedding width
   * @return {@code hidden} or {@code 2 * hidden}
   */
  public int inputs(int hidden) {
    return cellsPerInput * hidden;
  }
}
