package dev.latlab.nb201;

/**
 * Parameters and FLOPs of an NB201 network, counted as NB201 counts them.
 *
 * <ul>
 *   <li>Parameters: every learnable parameter of the PyTorch module, BatchNorm affine (2 per channel)
 *       included, convolutions without bias, the classifier with bias. Every edge's module counts,
 *       including an edge whose input is always zero (NB201's module still holds it).
 *   <li>FLOPs as multiply-accumulates: a convolution is {@code Hout*Wout*Cout*Cin*k*k}; an average
 *       pool {@code Hout*Wout*C*k*k}; the classifier {@code in*out + out}. BatchNorm, ReLU, additions
 *       and the global pool are not counted.
 * </ul>
 *
 * <p>For CIFAR-10, index 0 has 0.129306 M parameters and 16.962186 M FLOPs; the all-{@code
 * nor_conv_3x3} cell 1.531546 M and 220.144266 M.
 */
public final class CostModel {
  private static final int STEM_KERNEL = 3;

  private CostModel() {}

  /** Parameters and multiply-accumulates of one network. */
  public record Cost(long params, long flops) {
    /**
     * Returns the parameters in millions.
     *
     * @return params / 1e6
     */
    public double paramsM() {
      return params / 1e6;
    }

    /**
     * Returns the FLOPs (multiply-accumulates) in millions.
     *
     * @return flops / 1e6
     */
    public double flopsM() {
      return flops / 1e6;
    }

    Cost plus(long moreParams, long moreFlops) {
      return new Cost(params + moreParams, flops + moreFlops);
    }
  }

  /**
   * Returns the cost of the network of a cell.
   *
   * @param arch the cell
   * @param spec the macro skeleton
   * @return parameters and FLOPs
   */
  public static Cost of(Arch arch, NetworkSpec spec) {
    int c0 = spec.channels();
    long side = spec.resolution();
    long stemMacs = side * side * c0 * spec.inputChannels() * STEM_KERNEL * STEM_KERNEL;
    Cost cost = new Cost((long) spec.inputChannels() * c0 * 9 + 2L * c0, stemMacs);
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        cost = reduction(cost, spec.stageChannels(stage - 1), spec.stageChannels(stage),
            spec.stageResolution(stage));
      }
      Cost cell = cell(arch, spec.stageChannels(stage), spec.stageResolution(stage));
      cost = cost.plus(cell.params() * spec.cellsPerStage(), cell.flops() * spec.cellsPerStage());
    }
    long last = spec.stageChannels(2);
    long classifier = last * spec.classes() + spec.classes();
    return cost.plus(2 * last + classifier, classifier);
  }

  /**
   * Returns the cost of one cell at a given width and feature-map side.
   *
   * @param arch the cell
   * @param channels its width
   * @param side its feature-map height (= width)
   * @return parameters and FLOPs of one cell
   */
  static Cost cell(Arch arch, long channels, long side) {
    long params = 0;
    long flops = 0;
    for (int e = 0; e < Arch.EDGES; e++) {
      Op op = arch.op(e);
      if (op.isConv()) {
        long k2 = (long) op.kernelSize() * op.kernelSize();
        params += channels * channels * k2 + 2 * channels;
        flops += side * side * channels * channels * k2;
      } else if (op == Op.AVG_POOL_3X3) {
        flops += side * side * channels * 9;
      }
    }
    return new Cost(params, flops);
  }

  /** The ResNet basic block of NB201: two ReLU-conv3x3-BN (first stride 2), avgpool + 1x1 shortcut. */
  private static Cost reduction(Cost cost, long in, long out, long side) {
    long params = in * out * 9 + 2 * out + out * out * 9 + 2 * out + in * out;
    long flops = side * side * (out * in * 9 + out * out * 9 + in * 4 + out * in);
    return cost.plus(params, flops);
  }
}
