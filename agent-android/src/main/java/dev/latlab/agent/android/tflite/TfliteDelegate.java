package dev.latlab.agent.android.tflite;

/** Where the TFLite Interpreter runs the graph on a phone. */
public enum TfliteDelegate {
  /** The CPU: XNNPACK or TFLite's built-in kernels (see the {@code xnnpack} setting). */
  CPU("cpu"),
  /** The GPU delegate (OpenCL or OpenGL ES), where TFLite's compatibility list allows it. */
  GPU("gpu"),
  /** Android's Neural Networks API (DSP, NPU or GPU drivers), API 27 and later. */
  NNAPI("nnapi");

  private final String settingValue;

  TfliteDelegate(String settingValue) {
    this.settingValue = settingValue;
  }

  /**
   * Returns the value of the {@code delegate} setting.
   *
   * @return e.g. {@code gpu}
   */
  public String settingValue() {
    return settingValue;
  }

  /**
   * Returns the delegate of a setting value.
   *
   * @param value {@code cpu}, {@code gpu} or {@code nnapi}
   * @return the delegate
   * @throws IllegalArgumentException naming the valid values otherwise
   */
  public static TfliteDelegate fromSetting(String value) {
    for (TfliteDelegate d : values()) {
      if (d.settingValue.equals(value)) {
        return d;
      }
    }
    throw new IllegalArgumentException("delegate must be one of cpu, gpu, nnapi: '" + value + "'");
  }
}
