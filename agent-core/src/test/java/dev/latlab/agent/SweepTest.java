package dev.latlab.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ArchSelection;
import dev.latlab.nb201.NetworkSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  private static final long MS = 1_000_000L;

  @TempDir Path dir;
  private final FakeClock clock = new FakeClock();
  private final MeasurementProtocol protocol = MeasurementProtocol.builder().warmupRuns(0)
      .warmupNanos(0).fixed(1, 3).build();

  private Measurer measurer(FakeBackend backend) {
    EnvironmentProbe probe = new EnvironmentProbe(dir.resolve("no-such-root"));
    return new Measurer(backend, protocol, NetworkSpec.CIFAR10, clock, clock, probe::capture);
  }

  private List<String> conditions(Measurer m) {
    return List.of(m.backend().identity(), protocol.identity(), NetworkSpec.CIFAR10.identity(),
        new EnvironmentProbe(dir.resolve("no-such-root")).capture().fingerprint());
  }

  private DriftGuard guard(Measurer m, int every) {
    DriftGuard.Options o = new DriftGuard.Options(Arch.fromIndex(1), every, 0.05, Double.NaN,
        Double.NaN, 0);
    return new DriftGuard(o, m, () -> null, clock, clock);
  }

  private static final Sweep.Listener QUIET = new Sweep.Listener() {
    @Override
    public void started(int toMeasure, int alreadyDone) {}

    @Override
    public void measured(Measurement m) {}
  };

  private List<Integer> indicesIn(Path csv) throws IOException {
    List<Integer> indices = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(SweepCsv.HEADER);
    for (String line : lines.subList(1, lines.size())) {
      indices.add(Integer.parseInt(line.substring(0, line.indexOf(','))));
    }
    return indices;
  }

  @Test
  void run_interruptedThenResumed_measuresEachCellExactlyOnce() throws Exception {
    List<Arch> cells = ArchSelection.parse("sample:12:3");
    Path csv = dir.resolve("sweep.csv");
    FakeBackend failing = new FakeBackend(clock, run -> MS) {
      @Override
      public LoadedModel load(dev.latlab.nb201.net.Network network) {
        if (loaded.size() == 5) {
          throw new IllegalStateException("runtime crashed");
        }
        return super.load(network);
      }
    };
    Measurer first = measurer(failing);
    try (SweepCsv out = SweepCsv.open(csv, conditions(first))) {
      assertThatThrownBy(() -> new Sweep(first, guard(first, 0)).run(cells, out, 7L, QUIET))
          .hasMessageContaining("crashed");
    }
    assertThat(indicesIn(csv)).hasSize(5);
    // A kill in the middle of writing a row leaves a partial line: it is dropped on resume.
    Files.writeString(csv, "123,|none~0|+", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    Measurer second = measurer(new FakeBackend(clock, run -> MS));
    Sweep.Summary summary;
    try (SweepCsv out = SweepCsv.open(csv, conditions(second))) {
      summary = new Sweep(second, guard(second, 0)).run(cells, out, 7L, QUIET);
    }
    assertThat(summary.measured()).isEqualTo(7);
    assertThat(summary.skipped()).isEqualTo(5);
    assertThat(indicesIn(csv)).hasSize(12).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(cells.stream().map(Arch::index).toList());
  }

  @Test
  void run_shufflesOrderDeterministically() throws Exception {
    List<Arch> cells = ArchSelection.parse("sample:30:1");
    List<Integer> orders = new ArrayList<>();
    for (String name : List.of("a.csv", "b.csv")) {
      Measurer m = measurer(new FakeBackend(clock, run -> MS));
      try (SweepCsv out = SweepCsv.open(dir.resolve(name), conditions(m))) {
        new Sweep(m, guard(m, 0)).run(cells, out, 11L, QUIET);
      }
      orders.addAll(indicesIn(dir.resolve(name)));
    }
    assertThat(orders.subList(0, 30)).isEqualTo(orders.subList(30, 60));
    assertThat(orders.subList(0, 30)).isNotEqualTo(cells.stream().map(Arch::index).toList());
  }

  @Test
  void open_otherConditions_isRejected() throws Exception {
    Path csv = dir.resolve("sweep.csv");
    Measurer m = measurer(new FakeBackend(clock, run -> MS));
    try (SweepCsv out = SweepCsv.open(csv, conditions(m))) {
      new Sweep(m, guard(m, 0)).run(List.of(Arch.fromIndex(0)), out, null, QUIET);
    }
    List<String> other = new ArrayList<>(conditions(m));
    other.set(0, "fake 1.0 threads=2");
    assertThatThrownBy(() -> SweepCsv.open(csv, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another backend").hasMessageContaining("threads=2");
  }

  @Test
  void open_foreignFile_isRejected() throws Exception {
    Path csv = dir.resolve("other.csv");
    Files.writeString(csv, "a,b,c\n1,2,3\n");
    assertThatThrownBy(() -> SweepCsv.open(csv, List.of("a", "b", "c", "d")))
        .hasMessageContaining("not a LatLab sweep CSV");
  }

  @Test
  void run_canaryDriftBeyondThreshold_isFlagged() throws Exception {
    // The canary (index 1, 334131) slows down by 10 % after its first measurement.
    FakeBackend drifting = new FakeBackend(clock, run -> MS) {
      private int canaryLoads;

      @Override
      public LoadedModel load(dev.latlab.nb201.net.Network network) {
        LoadedModel model = super.load(network);
        boolean canary = network.arch().index() == 1;
        long latency = canary && canaryLoads++ > 0 ? 11 * MS / 10 : MS;
        return new LoadedModel() {
          @Override
          public void setInput(float[] nchw) {}

          @Override
          public void run() {
            clock.advance(latency);
          }

          @Override
          public float[] output() {
            return model.output();
          }

          @Override
          public void close() {
            model.close();
          }
        };
      }
    };
    Measurer m = measurer(drifting);
    Sweep.Summary s;
    try (SweepCsv out = SweepCsv.open(dir.resolve("s.csv"), conditions(m))) {
      s = new Sweep(m, guard(m, 4)).run(ArchSelection.parse("sample:10:2"), out, 1L, QUIET);
    }
    assertThat(s.canaryChecks()).extracting(DriftGuard.CanaryCheck::afterNetworks)
        .containsExactly(0, 4, 8, 10);
    assertThat(s.maxAbsDrift()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(s.flagged()).isTrue();
  }
}
