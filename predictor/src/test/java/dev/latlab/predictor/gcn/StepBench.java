package dev.latlab.predictor.gcn;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Hand-run bench: forward and backward of one batch. Arguments: {@code [threads] [batch]}. */
public final class StepBench {
  private StepBench() {}

  /**
   * Runs the bench.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    List<GcnEncoding> cells = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      cells.add(GcnEncoding.of(Arch.fromIndex(i * 101)));
    }
    GcnWeights w = GcnWeights.initial(GcnHead.REGRESSION, 4, 600, new SplittableRandom(1));
    try (GcnRuntime rt = new GcnRuntime(w, threads)) {
      Trace t = new Trace(rt.layout);
      int[] order = new int[batch];
      for (int i = 0; i < batch; i++) {
        order[i] = i;
      }
      GraphSet.of(cells).load(order, 0, batch, t);
      float[] grad = new float[rt.params.length];
      float[] gradEmb = new float[batch * 600];
      java.util.Arrays.fill(gradEmb, 1e-3f);
      // Thread CPU time, not wall time: the machine is shared, and with one thread the whole
      // step runs on this thread.
      java.lang.management.ThreadMXBean mx =
          java.lang.management.ManagementFactory.getThreadMXBean();
      double h = 600;
      double fwdFlops = batch * (2 * 9 * 6 * h + 2 * 2 * 9 * h * h + 2 * h * h);
      double bwdFlops = batch * (2 * 9 * 6 * h + 4 * 2 * 9 * h * h + 4 * h * h);
      for (int round = 0; round < 8; round++) {
        long c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 50; i++) {
          rt.network.forward(rt.params, t, Dropout.none());
        }
        long c1 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 50; i++) {
          rt.network.backward(rt.params, t, gradEmb, grad, 1f);
        }
        long c2 = mx.getCurrentThreadCpuTime();
        double fwd = (c1 - c0) / 50e9;
        double bwd = (c2 - c1) / 50e9;
        System.out.printf("cpu: forward %.2f ms (%.1f GFLOP/s), backward %.2f ms (%.1f GFLOP/s)%n",
            fwd * 1e3, fwdFlops / fwd / 1e9, bwd * 1e3, bwdFlops / bwd / 1e9);
      }
    }
  }
}
