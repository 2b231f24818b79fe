package dev.latlab.nb201;

import static java.util.Objects.requireNonNull;

/**
 * The NB201 macro skeleton around a cell: input resolution, stem width, cells per stage, classes,
 * batch and numeric precision. Three stages of {@code cellsPerStage} cells with widths C, 2C, 4C
 * are joined by two residual reduction blocks. Immutable; build with {@link #builder()} or {@link
 * #of(ImageDataset)}.
 *
 * @param resolution input height and width in pixels; a multiple of 4 (two stride-2 reductions)
 * @param inputChannels input channels (3 for RGB)
 * @param channels stem width C (NB201: 16)
 * @param cellsPerStage cells per stage N (NB201: 5)
 * @param classes classifier outputs
 * @param batch batch size of the generated network's input
 * @param precision numeric precision of the emitted model (the IR itself is always float)
 */
public record NetworkSpec(int resolution, int inputChannels, int channels, int cellsPerStage,
    int classes, int batch, Precision precision) {

  /** The NB201 network for CIFAR-10: 32x32x3 input, C=16, N=5, 10 classes, batch 1. */
  public static final NetworkSpec CIFAR10 = of(ImageDataset.CIFAR10);

  /** Validates every field. */
  public NetworkSpec {
    positive("resolution", resolution);
    positive("inputChannels", inputChannels);
    positive("channels", channels);
    positive("cellsPerStage", cellsPerStage);
    positive("classes", classes);
    positive("batch", batch);
    requireNonNull(precision, "precision");
    if (resolution % 4 != 0) {
      throw new IllegalArgumentException(
          "resolution must be a multiple of 4 (two stride-2 reductions): " + resolution);
    }
  }

  /**
   * Returns NB201's network (C=16, N=5, batch 1) for one of its datasets.
   *
   * @param dataset the dataset, which fixes resolution and classes
   * @return the spec
   */
  public static NetworkSpec of(ImageDataset dataset) {
    return builder().resolution(dataset.resolution()).classes(dataset.classes()).build();
  }

  /**
   * Returns a builder with the CIFAR-10 defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the width of stage 0, 1 or 2: C, 2C, 4C.
   *
   * @param stage 0..2
   * @return channels in that stage
   */
  public int stageChannels(int stage) {
    return channels << stage;
  }

  /**
   * Returns the feature-map side of stage 0, 1 or 2: R, R/2, R/4.
   *
   * @param stage 0..2
   * @return height (= width) in that stage
   */
  public int stageResolution(int stage) {
    return resolution >> stage;
  }

  /**
   * Returns a compact, comma-free description of every field, for result files, e.g. {@code
   * input=3x32x32 C=16 N=5 classes=10 batch=1}, or {@code ... batch=1 precision=int8}. float32, the
   * default, is not written, so that identities recorded before precision existed stay valid.
   *
   * @return the identity
   */
  public String identity() {
    String identity = "input=" + inputChannels + "x" + resolution + "x" + resolution + " C="
        + channels + " N=" + cellsPerStage + " classes=" + classes + " batch=" + batch;
    return precision == Precision.FP32 ? identity : identity + " precision=" + precision;
  }

  /**
   * Returns this spec with another precision.
   *
   * @param p the precision
   * @return the spec
   */
  public NetworkSpec withPrecision(Precision p) {
    return new NetworkSpec(resolution, inputChannels, channels, cellsPerStage, classes, batch, p);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** Builds a {@link NetworkSpec}; every setter validates and documents its default. */
  public static final class Builder {
    private int resolution = 32;
    private int inputChannels = 3;
    private int channels = 16;
    private int cellsPerStage = 5;
    private int classes = 10;
    private int batch = 1;
    private Precision precision = Precision.FP32;

    private Builder() {}

    /**
     * Input height and width. If unset, defaults to 32.
     *
     * @param pixels a positive multiple of 4
     * @return this
     */
    public Builder resolution(int pixels) {
      this.resolution = pixels;
      return this;
    }

    /**
     * Input channels. If unset, defaults to 3.
     *
     * @param n positive
     * @return this
     */
    public Builder inputChannels(int n) {
      this.inputChannels = n;
      return this;
    }

    /**
     * Stem width C; stages have C, 2C, 4C channels. If unset, defaults to 16.
     *
     * @param n positive
     * @return this
     */
    public Builder channels(int n) {
      this.channels = n;
      return this;
    }

    /**
     * Cells per stage N. If unset, defaults to 5.
     *
     * @param n positive
     * @return this
     */
    public Builder cellsPerStage(int n) {
      this.cellsPerStage = n;
      return this;
    }

    /**
     * Classifier outputs. If unset, defaults to 10.
     *
     * @param n positive
     * @return this
     */
    public Builder classes(int n) {
      this.classes = n;
      return this;
    }

    /**
     * Batch size of the network's input. If unset, defaults to 1.
     *
     * @param n positive
     * @return this
     */
    public Builder batch(int n) {
      this.batch = n;
      return this;
    }

    /**
     * Numeric precision of the emitted model. If unset, defaults to {@link Precision#FP32}.
     *
     * @param p not null
     * @return this
     */
    public Builder precision(Precision p) {
      this.precision = p;
      return this;
    }

    /**
     * Returns the spec.
     *
     * @return the spec
     * @throws IllegalArgumentException naming the field if a value is invalid
     */
    public NetworkSpec build() {
      return new NetworkSpec(
          resolution, inputChannels, channels, cellsPerStage, classes, batch, precision);
    }
  }
}
