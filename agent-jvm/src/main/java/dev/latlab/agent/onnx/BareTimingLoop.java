package dev.latlab.agent.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.latlab.agent.LoadedModel;

/**
 * The least code that can time an ONNX Runtime session: {@code nanoTime}, {@code session.run},
 * {@code nanoTime}, with the result released outside the timed region. The yardstick for the
 * agent's own timing overhead (see {@code latlab agent overhead}).
 */
public final class BareTimingLoop {
  private BareTimingLoop() {}

  /**
   * Times runs of a model loaded by the {@code onnxruntime} backend, on its own session and input.
   *
   * @param model a model from the {@code onnxruntime} backend, input already set
   * @param runs how many runs to time
   * @return each run's time in nanoseconds
   * @throws IllegalArgumentException if the model is not an ONNX Runtime model or has no input
   * @throws IllegalStateException if a run fails
   */
  public static long[] time(LoadedModel model, int runs) {
    if (!(model instanceof OnnxRuntimeModel ort) || ort.inputs() == null) {
      throw new IllegalArgumentException("the bare loop needs an onnxruntime model with its input set");
    }
    OrtSession session = ort.session();
    long[] times = new long[runs];
    try {
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        OrtSession.Result result = session.run(ort.inputs());
        times[i] = System.nanoTime() - t0;
        result.close();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime inference failed", e);
    }
    return times;
  }
}
