package dev.latlab.nb201.net;

import dev.latlab.nb201.Precision;

/** The serialised forms a {@link Network} can be emitted in. */
public enum ModelFormat {
  /** ONNX {@code ModelProto}, opset 13, NCHW, float32 only. */
  ONNX("onnx", "onnx"),
  /** TFLite flatbuffer, NHWC, float32 or full-integer int8. */
  TFLITE("tflite", "tflite");

  private final String cliName;
  private final String extension;

  ModelFormat(String cliName, String extension) {
    this.cliName = cliName;
    this.extension = extension;
  }

  /**
   * Returns whether networks of a precision can be emitted in this format.
   *
   * @param precision the precision
   * @return true for float32 everywhere and int8 in TFLite
   */
  public boolean supports(Precision precision) {
    return precision == Precision.FP32 || this == TFLITE;
  }

  /**
   * Returns the serialised model.
   *
   * @param network the network
   * @return the model file's bytes
   * @throws IllegalArgumentException if the format does not support the network's precision
   */
  public byte[] emit(Network network) {
    return switch (this) {
      case ONNX -> OnnxEmitter.toBytes(network);
      case TFLITE -> TfliteEmitter.toBytes(network);
    };
  }

  /**
   * Returns the name used on the command line.
   *
   * @return {@code onnx} or {@code tflite}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * Returns the usual file extension, without the dot.
   *
   * @return {@code onnx} or {@code tflite}
   */
  public String extension() {
    return extension;
  }

  /**
   * Returns the format with the given command-line name.
   *
   * @param name {@code onnx} or {@code tflite}
   * @return the format
   * @throws IllegalArgumentException naming the valid names otherwise
   */
  public static ModelFormat fromCliName(String name) {
    for (ModelFormat f : values()) {
      if (f.cliName.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "': expected onnx or tflite");
  }

  @Override
  public String toString() {
    return cliName;
  }
}
