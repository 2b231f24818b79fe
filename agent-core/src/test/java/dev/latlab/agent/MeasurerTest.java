package dev.latlab.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurerTest {
  private static final long MS = 1_000_000L;
  private static final Arch CELL = Arch.fromIndex(0);

  @TempDir Path emptyRoot;
  private final FakeClock clock = new FakeClock();

  private Measurement measure(MeasurementProtocol protocol, LongUnaryOperator latencyOfRun)
      throws InterruptedException {
    return measurer(protocol, new FakeBackend(clock, latencyOfRun)).measure(CELL);
  }

  private Measurer measurer(MeasurementProtocol protocol, FakeBackend backend) {
    EnvironmentProbe probe = new EnvironmentProbe(emptyRoot);
    return new Measurer(backend, protocol, NetworkSpec.CIFAR10, clock, clock, probe::capture);
  }

  @Test
  void measure_warmUp_isExcludedFromSamples() throws InterruptedException {
    MeasurementProtocol p = MeasurementProtocol.builder().warmupRuns(10).warmupNanos(0)
        .fixed(2, 5).build();
    FakeBackend backend = new FakeBackend(clock, run -> run < 10 ? 50 * MS : 2 * MS);
    Measurement m = measurer(p, backend).measure(CELL);
    assertThat(m.stats().maxMillis()).isEqualTo(2.0);
    assertThat(m.runs()).isEqualTo(10);
    assertThat(backend.runsOfLastModel).isEqualTo(20);
  }

  @Test
  void measure_warmUpTime_extendsWarmUpPastItsRuns() throws InterruptedException {
    MeasurementProtocol p = MeasurementProtocol.builder().warmupRuns(2).warmupNanos(100 * MS)
        .fixed(1, 5).build();
    FakeBackend backend = new FakeBackend(clock, run -> 10 * MS);
    measurer(p, backend).measure(CELL);
    assertThat(backend.runsOfLastModel).isEqualTo(10 + 5);
  }

  @Test
  void measure_steadyLatency_stopsAtMinRuns() throws InterruptedException {
    MeasurementProtocol p = MeasurementProtocol.builder().warmupRuns(0).warmupNanos(0)
        .runsPerRound(10).adaptive(30, 300, 0.01).build();
    Measurement m = measure(p, run -> 4 * MS + run % 3);
    assertThat(m.runs()).isEqualTo(30);
    assertThat(m.stoppedEarly()).isTrue();
    assertThat(m.samplesNanos()).hasNumberOfRows(3);
  }

  @Test
  void measure_bimodalLatency_runsToMaxRuns() throws InterruptedException {
    MeasurementProtocol p = MeasurementProtocol.builder().warmupRuns(0).warmupNanos(0)
        .runsPerRound(10).adaptive(30, 120, 0.01).build();
    Measurement m = measure(p, run -> run % 2 == 0 ? 4 * MS : 6 * MS);
    assertThat(m.runs()).isEqualTo(120);
    assertThat(m.stoppedEarly()).isFalse();
  }

  @Test
  void measure_noiseThatSettles_stopsOnceCiIsNarrow() throws InterruptedException {
    // 40 noisy runs, then a steady 5 ms: the median's CI tightens once steady runs dominate.
    MeasurementProtocol p = MeasurementProtocol.builder().warmupRuns(0).warmupNanos(0)
        .runsPerRound(10).adaptive(30, 300, 0.01).build();
    Measurement m = measure(p, run -> run < 40 ? (run % 2 == 0 ? 3 * MS : 9 * MS) : 5 * MS);
    assertThat(m.runs()).isBetween(50, 290);
    assertThat(m.stats().medianMillis()).isEqualTo(5.0);
    assertThat(m.stats().medianCiHalfWidth()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void measure_pause_isTakenBetweenRoundsOnly() throws InterruptedException {
    MeasurementProtocol p = MeasurementProtocol.builder().warmupRuns(1).warmupNanos(0)
        .fixed(3, 4).pauseNanos(25 * MS).build();
    Measurement m = measure(p, run -> MS);
    assertThat(clock.sleeps).containsExactly(25 * MS, 25 * MS);
    assertThat(m.samplesNanos()).hasNumberOfRows(3);
    assertThat(Arrays.stream(m.samplesNanos()).mapToInt(r -> r.length).sum()).isEqualTo(12);
  }

  @Test
  void measure_recordsIdentitiesAndClosesTheModel() throws InterruptedException {
    MeasurementProtocol p = MeasurementProtocol.builder().warmupRuns(0).warmupNanos(0)
        .fixed(1, 3).statistic(Statistic.MIN).build();
    FakeBackend backend = new FakeBackend(clock, run -> (run + 1) * MS);
    Measurement m = measurer(p, backend).measure(CELL);
    assertThat(m.latencyMillis()).isEqualTo(1.0);
    assertThat(m.backend()).isEqualTo("fake 1.0 threads=1");
    assertThat(m.protocol()).isEqualTo(p.identity());
    assertThat(m.wallNanos()).isEqualTo(6 * MS);
    assertThat(backend.openModels).isZero();
    assertThat(backend.loaded).containsExactly("421211");
  }
}
