package dev.latlab.agent;

import dev.latlab.nb201.net.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A named fake for protocol tests: an "inference" takes no real time but advances a {@link
 * FakeClock} by a scripted latency, so tests are exact and fast. Not a runtime.
 */
class FakeBackend implements InferenceBackend {
  private final FakeClock clock;
  /** Latency in nanos of the i-th run (0-based, counting warm-up) of a model. */
  private final LongUnaryOperator latencyOfRun;
  final List<String> loaded = new ArrayList<>();
  int runsOfLastModel;
  int openModels;

  FakeBackend(FakeClock clock, LongUnaryOperator latencyOfRun) {
    this.clock = clock;
    this.latencyOfRun = latencyOfRun;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String runtimeVersion() {
    return "fake 1.0";
  }

  @Override
  public BackendConfig config() {
    return BackendConfig.of("fake", 1);
  }

  @Override
  public LoadedModel load(Network network) {
    loaded.add(network.arch().vector());
    runsOfLastModel = 0;
    openModels++;
    return new LoadedModel() {
      @Override
      public void setInput(float[] nchw) {
        if (nchw.length != network.inputShape().size()) {
          throw new IllegalArgumentException("wrong input length");
        }
      }

      @Override
      public void run() {
        clock.advance(latencyOfRun.applyAsLong(runsOfLastModel++));
      }

      @Override
      public float[] output() {
        return new float[network.classes()];
      }

      @Override
      public void close() {
        openModels--;
      }
    };
  }
}
