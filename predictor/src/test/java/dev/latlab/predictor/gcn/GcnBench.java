package dev.latlab.predictor.gcn;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import dev.latlab.predictor.numeric.Sgemm;
import dev.latlab.predictor.numeric.WorkerPool;
import dev.latlab.stats.RankCorrelation;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-run bench (not a test): trains the latency GCN on 900 + 100 LatBench cells and predicts all
 * 15625. Arguments: {@code [column] [epochs] [batch] [lr] [threads] [hidden]}; a missing or {@code
 * -} argument keeps the default. Prints seconds per epoch, GFLOP/s, total time, prediction time and
 * the Spearman correlation on the cells held out from training.
 *
 * <p>Run from the checkout (this bench, {@link BinaryBench}, {@link StepBench} and {@code
 * numeric.SgemmBench} alike):
 *
 * <pre>
 * mvn -q -B -o -pl predictor -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt
 * java --add-modules jdk.incubator.vector -Dlatlab.shared.dir=../shared \
 *     -cp predictor/target/classes:predictor/target/test-classes:$(cat predictor/target/cp.txt) \
 *     dev.latlab.predictor.gcn.GcnBench
 * </pre>
 */
public final class GcnBench {
  private GcnBench() {}

  /**
   * Runs the bench.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    String column = arg(args, 0, "latbench_desktop_gpu_gtx_1080ti_fp32_ms");
    GcnOptions o = GcnOptions.latencyDefaults();
    o = o.withEpochs(Integer.parseInt(arg(args, 1, "" + o.epochs())))
        .withBatchSize(Integer.parseInt(arg(args, 2, "" + o.batchSize())))
        .withLearningRate(Double.parseDouble(arg(args, 3, "" + o.learningRate())))
        .withThreads(Integer.parseInt(arg(args, 4, "" + o.threads())))
        .withHidden(Integer.parseInt(arg(args, 5, "" + o.hidden())));
    try (WorkerPool pool = WorkerPool.create(1)) {
      System.out.printf("kernel %s, options %s%n", Sgemm.create(pool).kernelName(), o);
    }
    Nb201Data data = Nb201Data.read("latbench_dev.csv", column);
    int[] rows = data.shuffled(7);
    int n = data.archs.size();
    float[][] y = Nb201Data.logZScore(data.values(rows, 0, 900), data.values(rows, 900, 1000),
        data.values(rows, 1000, n));
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    GcnRegressor model = GcnRegressor.train(data.encodings(rows, 0, 900), y[0],
        data.encodings(rows, 900, 1000), y[1], o, 1, null, r -> {
          if (r.epoch() % 10 == 0 || r.epoch() == 1) {
            System.out.printf("epoch %d train %.4f valid %.4f lr %.2e%n", r.epoch(), r.trainLoss(),
                r.validLoss(), r.learningRate());
          }
        });
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    double flops = GcnCost.epochFlops(o, 900, 100) * model.epochsRun();
    System.out.printf("trained %d epochs in %.1f s: %.3f s/epoch, %.1f GFLOP/s; process CPU %.1f s"
        + " (%.0f%% of %d cores)%n", model.epochsRun(), seconds, seconds / model.epochsRun(),
        flops / seconds / 1e9, cpu, 100 * cpu / seconds / o.threads(), o.threads());
    List<GcnEncoding> all = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      all.add(GcnEncoding.of(Arch.fromIndex(i)));
    }
    long t1 = System.nanoTime();
    model.predict(all);
    System.out.printf("predict all %d cells: %.2f s%n", all.size(),
        (System.nanoTime() - t1) / 1e9);
    float[] test = model.predict(data.encodings(rows, 1000, n));
    System.out.printf("held-out %d cells: spearman %.4f%n", n - 1000,
        RankCorrelation.spearman(toDouble(test), toDouble(y[2])));
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double[] toDouble(float[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }

  private static String arg(String[] args, int i, String fallback) {
    return args.length > i && !args[i].equals("-") ? args[i] : fallback;
  }
}
