package dev.latlab.cli;

import dev.latlab.agent.InferenceBackend;
import dev.latlab.nb201.ImageDataset;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.Precision;
import dev.latlab.nb201.net.ModelFormat;
import picocli.CommandLine.Option;

/** The macro-skeleton options shared by commands that generate networks (a picocli mixin). */
public final class NetworkOptions {
  @Option(
      names = "--dataset",
      paramLabel = "DATASET",
      converter = DatasetConverter.class,
      completionCandidates = DatasetConverter.class,
      description = "Input size and classes of: ${COMPLETION-CANDIDATES}. Default: cifar10.")
  ImageDataset dataset = ImageDataset.CIFAR10;

  @Option(names = "--channels", paramLabel = "C", description = "Stem width C (stages C, 2C, 4C). "
      + "Default: ${DEFAULT-VALUE}.")
  int channels = 16;

  @Option(names = "--cells-per-stage", paramLabel = "N", description = "Cells per stage. "
      + "Default: ${DEFAULT-VALUE}.")
  int cellsPerStage = 5;

  @Option(names = "--batch", paramLabel = "B", description = "Batch size. Default: ${DEFAULT-VALUE}.")
  int batch = 1;

  @Option(names = "--seed", paramLabel = "S", description = "Weight seed. Default: ${DEFAULT-VALUE}.")
  long seed = 0;

  @Option(
      names = "--precision",
      paramLabel = "P",
      converter = PrecisionConverter.class,
      completionCandidates = PrecisionConverter.class,
      description = "Numeric precision: ${COMPLETION-CANDIDATES}. int8 is full-integer TFLite "
          + "(per-channel weights, activations calibrated on seeded inputs, float32 input and "
          + "output); ONNX is fp32 only. Default: fp32.")
  Precision precision = Precision.FP32;

  /**
   * Returns the network spec the options describe.
   *
   * @return the spec
   * @throws UserException naming the option if a value is invalid
   */
  public NetworkSpec spec() {
    try {
      return NetworkSpec.builder().resolution(dataset.resolution()).classes(dataset.classes())
          .channels(channels).cellsPerStage(cellsPerStage).batch(batch).precision(precision)
          .build();
    } catch (IllegalArgumentException e) {
      throw new UserException("invalid network option: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the weight seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Checks that a model format can hold networks of the chosen precision.
   *
   * @param format the format
   * @throws UserException if it cannot (int8 in ONNX)
   */
  public void requireSupportedBy(ModelFormat format) {
    if (!format.supports(precision)) {
      throw new UserException("--precision " + precision + " needs --format tflite: "
          + format + " networks are fp32 only");
    }
  }

  /**
   * Checks that a backend runs networks of the chosen precision.
   *
   * @param backend the backend
   * @throws UserException if it does not (int8 on ONNX Runtime)
   */
  public void requireSupportedBy(InferenceBackend backend) {
    if (!backend.supports(precision)) {
      throw new UserException("--precision " + precision + " needs --backend tflite: "
          + backend.name() + " runs fp32 networks only");
    }
  }
}
