package dev.latlab.cli.predictor;

import dev.latlab.cli.HeapPeaks;
import dev.latlab.cli.Json;
import dev.latlab.cli.UserException;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.data.LatencyFiles;
import dev.latlab.predictor.eval.Evaluation;
import dev.latlab.predictor.eval.Split;
import dev.latlab.predictor.gcn.BinaryRelationPredictor;
import dev.latlab.predictor.gcn.GcnCost;
import dev.latlab.predictor.gcn.GcnOptions;
import dev.latlab.predictor.latency.ModelKind;
import dev.latlab.predictor.latency.ModelOptions;
import dev.latlab.predictor.numeric.MatrixView;
import dev.latlab.predictor.numeric.Sgemm;
import dev.latlab.predictor.numeric.WorkerPool;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code latlab predictor bench}: the predictor's speed on this machine: the matrix kernel's
 * throughput, training the GCN with the default schedule, predicting every cell, ranking every cell
 * with the binary relation predictor, and the heap's high-water mark.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Benchmark the predictor on this machine: SGEMM GFLOP/s (the practical peak), "
        + "training the GCN with the default schedule on 900 + 100 cells (time, epochs, achieved "
        + "GFLOP/s), predicting all 15625 cells, ranking all 15625 with the binary relation "
        + "predictor, and peak heap. Run it on a quiet machine.", ""})
final class PredictorBenchCommand implements Callable<Integer> {
  /** One training batch of 32 graphs x 9 nodes times a 600x600 weight: the GCN's product. */
  private static final int ROWS = 288;
  private static final int WIDTH = 600;
  private static final int REPEATS = 5;

  @Spec CommandSpec spec;

  @Option(names = "--data", paramLabel = "FILE:COL", description = "Latencies to train on. "
      + "Default: ${DEFAULT-VALUE}.")
  String data = "../shared/data/latbench_dev.csv:latbench_desktop_gpu_gtx_1080ti_fp32_ms";

  @Option(names = "--seed", paramLabel = "S", description = "Split and training seed. Default: "
      + "${DEFAULT-VALUE}.")
  long seed = 1;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    LatencyData device;
    try {
      device = LatencyFiles.read(data).withoutDegenerate();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    ModelOptions options = ModelOptions.defaults();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("cpus", Runtime.getRuntime().availableProcessors());
    r.put("sgemm_gflops_1_thread", sgemmGflops(1));
    r.put("sgemm_gflops_all_threads", sgemmGflops(options.threads()));

    Split split = Split.of(device, 900, 100, seed);
    HeapPeaks.reset();
    long cpu0 = processCpuNanos();
    Evaluation e;
    try (EpochProgress progress = new EpochProgress("gcn")) {
      e = Evaluation.run(ModelKind.GCN, split, List.of(), options, seed, progress);
    }
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    int epochs = e.model().epochsRun();
    double flops = GcnCost.epochFlops(options.toGcnOptions(epochs), 900, 100) * epochs;
    r.put("train_seconds", e.trainSeconds());
    r.put("epochs", epochs);
    r.put("seconds_per_epoch", e.trainSeconds() / epochs);
    r.put("train_gflops", flops / e.trainSeconds() / 1e9);
    r.put("train_cpu_utilisation", cpu / e.trainSeconds() / options.threads());
    r.put("train_peak_heap_mb", HeapPeaks.peakBytes() / 1e6);
    r.put("test_spearman", e.metrics().spearman());

    List<Arch> all = Arch.all();
    r.put("predict_all_seconds", median(() -> e.model().predictMs(all)));
    r.put("rank_all_seconds", rankAllSeconds(split));
    print(r);
    return 0;
  }

  /** Trains the binary relation predictor on the training cells (faster = better), ranks all. */
  private double rankAllSeconds(Split split) {
    List<GcnEncoding> cells = new ArrayList<>();
    double[] quality = new double[100];
    for (int i = 0; i < quality.length; i++) {
      cells.add(GcnEncoding.of(split.train().arch(i)));
      quality[i] = -split.train().ms(i);
    }
    BinaryRelationPredictor brp = BinaryRelationPredictor.train(cells, quality,
        GcnOptions.binaryRelationDefaults(), seed, null);
    List<GcnEncoding> all = Arch.all().stream().map(GcnEncoding::of).toList();
    return median(() -> brp.rank(all));
  }

  private static double sgemmGflops(int threads) {
    float[] a = new float[ROWS * WIDTH];
    float[] b = new float[WIDTH * WIDTH];
    float[] c = new float[ROWS * WIDTH];
    Arrays.fill(a, 0.5f);
    Arrays.fill(b, 0.25f);
    try (WorkerPool pool = WorkerPool.create(threads)) {
      Sgemm sgemm = Sgemm.create(pool);
      Runnable product = () -> sgemm.multiply(MatrixView.rowMajor(a, 0, ROWS, WIDTH),
          MatrixView.rowMajor(b, 0, WIDTH, WIDTH), MatrixView.rowMajor(c, 0, ROWS, WIDTH), false);
      for (int i = 0; i < 200; i++) {
        product.run(); // warm-up: JIT
      }
      int n = 0;
      long start = System.nanoTime();
      while (System.nanoTime() - start < 1_000_000_000L) {
        product.run();
        n++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return 2.0 * ROWS * WIDTH * WIDTH * n / seconds / 1e9;
    }
  }

  private static double median(Runnable work) {
    double[] s = new double[REPEATS];
    for (int i = 0; i < REPEATS; i++) {
      long t0 = System.nanoTime();
      work.run();
      s[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(s);
    return s[REPEATS / 2];
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private void print(Map<String, Object> r) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(r));
    } else {
      r.forEach((k, v) -> out.println(String.format(Locale.ROOT, "%-26s %s", k,
          v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v)));
    }
    out.flush();
  }
}
