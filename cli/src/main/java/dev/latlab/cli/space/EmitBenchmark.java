package dev.latlab.cli.space;

import dev.latlab.cli.HeapPeaks;
import dev.latlab.cli.Progress;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.net.ModelFormat;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.NetworkBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Times building plus serialising networks for one format; measures the peak heap meanwhile. */
final class EmitBenchmark {
  private final ModelFormat format;
  private final NetworkSpec spec;
  private final long seed;
  private final int threads;

  EmitBenchmark(ModelFormat format, NetworkSpec spec, long seed, int threads) {
    this.format = format;
    this.spec = spec;
    this.seed = seed;
    this.threads = threads;
  }

  /** What one run measured. Times are per model unless named otherwise. */
  record Result(String format, int models, double wallSeconds, double buildShare,
      double medianMillis, double p90Millis, double meanMegabytes, double peakHeapMegabytes) {
    double modelsPerSecond() {
      return models / wallSeconds;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("format", format);
      m.put("models", models);
      m.put("models_per_s", modelsPerSecond());
      m.put("wall_s", wallSeconds);
      m.put("build_share", buildShare);
      m.put("median_ms", medianMillis);
      m.put("p90_ms", p90Millis);
      m.put("mean_mb", meanMegabytes);
      m.put("peak_heap_mb", peakHeapMegabytes);
      return m;
    }
  }

  Result run(List<Arch> cells, Progress progress) {
    long[] perModel = new long[cells.size()];
    AtomicLong buildNanos = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    HeapPeaks.reset();
    long start = System.nanoTime();
    runWorkers(() -> {
      for (int i = next.getAndIncrement(); i < cells.size(); i = next.getAndIncrement()) {
        long t0 = System.nanoTime();
        Network net = NetworkBuilder.build(cells.get(i), spec, seed);
        long t1 = System.nanoTime();
        bytes.addAndGet(format.emit(net).length);
        perModel[i] = System.nanoTime() - t0;
        buildNanos.addAndGet(t1 - t0);
        progress.step();
      }
    });
    double wall = (System.nanoTime() - start) / 1e9;
    long total = Arrays.stream(perModel).sum();
    Arrays.sort(perModel);
    return new Result(format.cliName(), cells.size(), wall, (double) buildNanos.get() / total,
        perModel[perModel.length / 2] / 1e6, perModel[(int) (perModel.length * 0.9)] / 1e6,
        bytes.get() / 1e6 / cells.size(), HeapPeaks.peakBytes() / 1e6);
  }

  private void runWorkers(Runnable worker) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] futures = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        futures[t] = pool.submit(worker);
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("benchmark failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
