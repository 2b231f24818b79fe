package dev.latlab.predictor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fixtures were written by CPython's pickle (see src/test/resources/pickles/README.md). */
class LatBenchPickleTest {
  private static final String COLUMN = SharedData.DEVICES[3];
  private static final LatencyData CSV = ArchCsv.read(SharedData.latbench()).latency(COLUMN);

  @Test
  void protocol4_memoizedFloats_matchTheCsv() throws IOException {
    LatencyData p = parse("snapdragon_300_p4.pkl");
    assertThat(p.size()).isEqualTo(289);
    assertMatchesCsv(p);
  }

  @Test
  void numpyFloat64Values_protocols2and4() throws IOException {
    for (String name : new String[] {"snapdragon_50_numpy_p2.pkl", "snapdragon_50_numpy_p4.pkl"}) {
      LatencyData p = parse(name);
      assertThat(p.size()).isEqualTo(50);
      assertMatchesCsv(p);
    }
  }

  @Test
  void protocol0Text() throws IOException {
    LatencyData p = parse("snapdragon_5_p0.pkl");
    assertThat(p.size()).isEqualTo(5);
    assertMatchesCsv(p);
  }

  @Test
  void truncatedPickle_isRefused() throws IOException {
    byte[] bytes = bytes("snapdragon_300_p4.pkl");
    assertThatThrownBy(() -> LatBenchPickle.parse("x", Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid pickle");
  }

  @Test
  void wrongShape_namesTheProblem() {
    // {(1, 2): 0.5} in protocol 2: a 2-tuple key
    byte[] twoTuple = {(byte) 0x80, 2, '}', '(', 'K', 1, 'K', 2, (byte) 0x86, 'G', 0x3f,
        (byte) 0xe0, 0, 0, 0, 0, 0, 0, 'u', '.'};
    assertThatThrownBy(() -> LatBenchPickle.parse("x", twoTuple))
        .hasMessageContaining("not a tuple of 6 op ids");
    // [] : not a dict
    assertThatThrownBy(() -> LatBenchPickle.parse("x", new byte[] {(byte) 0x80, 2, ']', '.'}))
        .hasMessageContaining("holds a dict");
  }

  private static void assertMatchesCsv(LatencyData p) {
    for (int i = 0; i < p.size(); i++) {
      Arch a = p.arch(i);
      assertThat(p.ms(i)).as(a.vector()).isCloseTo(CSV.lookup(a), within(1e-9));
    }
  }

  private static LatencyData parse(String name) throws IOException {
    return LatBenchPickle.parse(name, bytes(name));
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = LatBenchPickleTest.class.getResourceAsStream("/pickles/" + name)) {
      return in.readAllBytes();
    }
  }
}
