package dev.latlab.collector.dataset;

import static dev.latlab.collector.dataset.Results.result;
import static dev.latlab.collector.dataset.Results.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.Round;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonDatasetWriterTest {
  private static final String KEYS_AND_VALUES = String.join("\n",
      "import json, sys",
      "d = json.load(open(sys.argv[1], encoding='utf-8'))",
      "print(type(d).__name__, len(d))",
      "print(','.join(d[0].keys()))",
      "pick = ('arch_index', 'arch_vector', 'latency_ms', 'runs', 'stopped_early', 'max_temp_c',",
      "        'load_avg', 'canary_drift', 'backend', 'samples_us', 'measured_index')",
      "for r in d:",
      "    print(json.dumps([r[k] for k in pick]))");

  @TempDir Path dir;

  private Path write(Dataset d) throws Exception {
    Path file = dir.resolve("dataset.json");
    Files.write(file, new JsonDatasetWriter().write(d));
    return file;
  }

  @Test
  void write_readByPython_sameKeysNumbersAsNumbersUnknownAsNull() throws Exception {
    JobResult measured = result(0, 1.234567891)
        .setEnvironmentJson("{\"temperatures_c\": {\"a\": 40.25}, \"load_average_1m\": null}")
        .clearRounds().addRounds(Round.newBuilder().addNanos(1_200_000).addNanos(1_234_567))
        .addRounds(Round.newBuilder().addNanos(1_250_001)).build();
    JobResult bare = JobResult.newBuilder().setJobId("job-bare").setArchIndex(10)
        .setLatencyMs(0.5).build();
    Dataset d = DatasetBuilder.build(List.of(stored(measured, 0), stored(bare, 0)), false);

    List<String> out = Python.run(KEYS_AND_VALUES, write(d)).lines().toList();

    assertThat(out).containsExactly("list 2", DatasetColumn.HEADER,
        "[0, \"421211\", 1.234567891, 4, false, 40.25, null, null, "
            + "\"tflite 2.21.0 threads=4 xnnpack=on\", [[1200.0, 1234.567], [1250.001]], 0]",
        "[10, \"333000\", 0.5, null, false, null, null, null, null, [], 10]");
  }

  @Test
  void write_specialCharactersInText_readBackUnchanged() throws Exception {
    String identity = "tflite \"2.21\" \\ path\nnext\ttab \u0001 \u00e9\u4e2d";
    JobResult r = result(3, 1.0).setBackendIdentity(identity).build();
    Dataset d = DatasetBuilder.build(List.of(stored(r, 0)), false);

    String out = Python.run(String.join("\n", "import json, sys",
        "d = json.load(open(sys.argv[1], encoding='utf-8'))",
        "print(d[0]['backend'] == sys.argv[2])"), write(d), identity);

    assertThat(out.strip()).isEqualTo("True");
  }

  @Test
  void string_controlCharacters_escaped() {
    assertThat(JsonDatasetWriter.string("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
  }
}
