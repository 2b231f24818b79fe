package dev.latlab.collector.dataset;

import static dev.latlab.collector.dataset.Results.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.collector.store.ResultRow;
import dev.latlab.nb201.Arch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatbenchPickleWriterTest {
  /**
   * Loads the pickle with Python, checks every key is a tuple of six ints and every value a float,
   * checks the opcode stream with pickletools, and prints the number of SETITEMS, then one line
   * per entry: the key's digits and the value's big-endian IEEE bits.
   */
  private static final String LOAD = String.join("\n",
      "import io, pickle, pickletools, struct, sys",
      "data = open(sys.argv[1], 'rb').read()",
      "d = pickle.loads(data)",
      "assert type(d) is dict, type(d)",
      "for k, v in d.items():",
      "    assert type(k) is tuple and len(k) == 6 and all(type(x) is int for x in k), k",
      "    assert type(v) is float, v",
      "pickletools.dis(data, out=io.StringIO())",
      "print(sum(1 for op, arg, pos in pickletools.genops(data) if op.name == 'SETITEMS'))",
      "for k, v in sorted(d.items()):",
      "    print(''.join(map(str, k)), struct.pack('>d', v).hex())");

  @TempDir Path dir;

  private List<String> loadWithPython(List<ResultRow> results) throws Exception {
    Path file = dir.resolve("latency.pickle");
    Files.write(file, DatasetExport.export(results, "latbench-pickle", false));
    return Python.run(LOAD, file).lines().toList();
  }

  private static String bits(double v) {
    return String.format(Locale.ROOT, "%016x", Double.doubleToRawLongBits(v));
  }

  private static List<String> expectedEntries(Map<Integer, Double> latencyMsByIndex) {
    Map<String, String> byVector = new TreeMap<>();
    latencyMsByIndex.forEach((index, ms) ->
        byVector.put(Arch.fromIndex(index).vector(), bits(ms / 1000.0)));
    List<String> lines = new ArrayList<>();
    byVector.forEach((vector, value) -> lines.add(vector + " " + value));
    return lines;
  }

  @Test
  void write_readByPython_keysAreVectorTuplesValuesExactSeconds() throws Exception {
    Map<Integer, Double> latencies = new LinkedHashMap<>();
    latencies.put(0, 1.234567891);
    latencies.put(1, 0.1);
    latencies.put(15624, 12.5);
    latencies.put(10, 1e-3 / 3);
    List<ResultRow> results = new ArrayList<>();
    latencies.forEach((index, ms) -> results.add(stored(index, ms)));

    List<String> out = loadWithPython(results);

    assertThat(out.get(0)).isEqualTo("1");
    assertThat(out.subList(1, out.size())).containsExactlyElementsOf(expectedEntries(latencies));
    assertThat(out).contains("421211 " + bits(1.234567891 / 1000.0));
  }

  @Test
  void write_2500Entries_loadAcrossThreeSetitemsBatches() throws Exception {
    Map<Integer, Double> latencies = new LinkedHashMap<>();
    List<ResultRow> results = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      double ms = 1.0 + i * 0.001;
      latencies.put(i * 6, ms);
      results.add(stored(i * 6, ms));
    }

    List<String> out = loadWithPython(results);

    assertThat(out.get(0)).isEqualTo("3");
    assertThat(out.subList(1, out.size())).containsExactlyElementsOf(expectedEntries(latencies));
  }

  @Test
  void write_oneEntry_exactOpcodes() {
    Dataset d = DatasetBuilder.build(List.of(stored(0, 2.0)), false);

    byte[] pickle = new LatbenchPickleWriter().write(d);

    assertThat(HexFormat.of().formatHex(pickle)).isEqualTo("80027d28"  // PROTO 2, EMPTY_DICT, MARK
        + "28" + "4b04" + "4b02" + "4b01" + "4b02" + "4b01" + "4b01" + "74" // (4, 2, 1, 2, 1, 1)
        + "47" + bits(0.002) // BINFLOAT 0.002
        + "75" + "2e"); // SETITEMS, STOP
  }

  @Test
  void export_noResults_throwsNoSuchElement() {
    assertThatThrownBy(() -> DatasetExport.export(List.of(), "latbench-pickle", true))
        .isInstanceOf(NoSuchElementException.class);
  }
}
