package dev.latlab.predictor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchCsvTest {
  @Test
  void latbench_everyDeviceHas15284Cells_degenerateOnesMissing() {
    ArchCsv csv = ArchCsv.read(SharedData.latbench());
    assertThat(csv.valueColumns()).containsExactly(SharedData.DEVICES);
    for (String device : SharedData.DEVICES) {
      LatencyData d = csv.latency(device);
      assertThat(d.size()).isEqualTo(15284);
      assertThat(d.withoutDegenerate().size()).isEqualTo(15284);
    }
    assertThat(csv.latency(SharedData.DEVICES[0]).lookup(Arch.fromIndex(0))).isEqualTo(3.888540);
  }

  @Test
  void keyedByArchStrOnly_andQuotedFields() {
    Arch a = Arch.fromIndex(7);
    ArchCsv csv = ArchCsv.parse("t", "note,arch_str,ms\n\"a, b\"," + a.nb201String() + ",2.5\n");
    assertThat(csv.column("ms")).containsEntry(7, 2.5);
  }

  @Test
  void badInput_isNamedWithTheLine() {
    assertThatThrownBy(() -> ArchCsv.parse("t", "x,y\n1,2\n")).hasMessageContaining(
        "no arch_index, arch_str or arch_vector");
    assertThatThrownBy(() -> ArchCsv.parse("t", "arch_index,ms\n1,abc\n").column("ms"))
        .hasMessage("t:2: column ms: 'abc' is not a finite number");
    assertThatThrownBy(() -> ArchCsv.parse("t", "arch_index,ms\n1,NaN\n").column("ms"))
        .hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> ArchCsv.parse("t", "arch_index,ms\n99999,1\n"))
        .hasMessageContaining("t:2: bad arch_index '99999'");
    assertThatThrownBy(() -> ArchCsv.parse("t", "arch_index,arch_vector,ms\n0,000000,1\n"))
        .hasMessageContaining("is not the cell of 0");
    assertThatThrownBy(() -> ArchCsv.parse("t", "arch_index,ms\n1,2\n").column("lat"))
        .hasMessage("t: no column 'lat'; value columns: ms");
    assertThatThrownBy(() -> ArchCsv.parse("t", "arch_index,ms\n1,-2\n").latency("ms"))
        .hasMessageContaining("finite positive");
  }

  @Test
  void latencyFiles_csvNeedsAColumn_pickleRefusesOne(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "arch_index,ms\n1,2\n3,4\n");
    assertThat(LatencyFiles.read(csv + ":ms").size()).isEqualTo(2);
    assertThatThrownBy(() -> LatencyFiles.read(csv, null))
        .hasMessageContaining("name its latency column; value columns: ms");
    Path pkl = dir.resolve("d.pkl");
    Files.write(pkl, new byte[] {(byte) 0x80, 2, '}', '.'});
    assertThatThrownBy(() -> LatencyFiles.read(pkl, "ms")).hasMessageContaining("give no column");
    assertThat(LatencyFiles.read(pkl.toString()).size()).isZero();
    assertThatThrownBy(() -> LatencyFiles.read(dir.resolve("missing.csv") + ":ms"))
        .hasMessageContaining("no such file");
  }
}
