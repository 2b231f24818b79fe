package dev.latlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.latlab.proto.onnx.OnnxProto.ModelProto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LatLabTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = LatLab.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void help_listsSpaceCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("space");
  }

  @Test
  void spaceInfo_json_hasEveryField() {
    assertThat(run("space", "info", "--arch", "1", "--json")).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("arch_index").getAsInt()).isEqualTo(1);
    assertThat(json.get("arch_vector").getAsString()).isEqualTo("334131");
    assertThat(json.get("degenerate").getAsBoolean()).isFalse();
    JsonObject cifar10 = json.getAsJsonObject("cost").getAsJsonObject("cifar10");
    assertThat(cifar10.get("params_m").getAsDouble()).isEqualTo(0.802426);
    assertThat(json.getAsJsonObject("cost").keySet())
        .containsExactly("cifar10", "cifar100", "imagenet16-120");
  }

  @Test
  void spaceInfo_degenerateVector_reportsClassNames() {
    assertThat(run("space", "info", "--arch", "000000")).isZero();
    assertThat(out.toString()).containsPattern("degenerate\\s+true");
  }

  @Test
  void spaceInfo_badArch_oneLineAndStatus2() {
    assertThat(run("space", "info", "--arch", "|nor_conv_3x3~0|+|none~0|nne~1|+|x~0|")).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("'--arch'").contains("token 'nne~1' (edge 1->2, character 26): unknown op 'nne'");
  }

  @Test
  void spaceInfo_outOfRangeIndex_namesTheRange() {
    assertThat(run("space", "info", "--arch", "15625")).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("latlab: ")
        .contains("arch index 15625 is out of range 0..15624");
  }

  @Test
  void spaceTable_printsEveryCellWithExactHeader() {
    assertThat(run("space", "table", "--dataset", "cifar10")).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(15626);
    assertThat(lines.get(0)).isEqualTo(
        "arch_index,arch_str,arch_vector,canonical_index,compute_index,degenerate,params_m,flops_m");
    assertThat(lines.get(1)).endsWith(",421211,0,0,false,0.129306,16.962186");
  }

  @Test
  void spaceTable_unknownDataset_isUsageError() {
    assertThat(run("space", "table", "--dataset", "mnist")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown dataset 'mnist'");
  }

  @Test
  void spaceExport_onnx_writesParsableModel() throws Exception {
    Path file = dir.resolve("cell.onnx");
    assertThat(run("space", "export", "--arch", "0", "--format", "onnx", "--out", file.toString(),
        "--seed", "3")).isZero();
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
    assertThat(model.getGraph().getInput(0).getName()).isEqualTo("input");
    assertThat(model.getGraph().getOutput(0).getName()).isEqualTo("logits");
  }

  @Test
  void spaceExport_tflite_writesFlatbufferWithTfl3Identifier() throws Exception {
    Path file = dir.resolve("cell.tflite");
    assertThat(run("space", "export", "--arch", "333333", "--format", "tflite", "--out",
        file.toString(), "--dataset", "imagenet16-120")).isZero();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("TFL3");
    assertThat(out.toString()).contains("wrote");
  }

  @Test
  void spaceExport_tfliteInt8_writesQuarterSizeModel() throws Exception {
    Path fp32 = dir.resolve("fp32.tflite");
    Path int8 = dir.resolve("int8.tflite");
    assertThat(run("space", "export", "--arch", "333333", "--format", "tflite", "--out",
        fp32.toString())).isZero();
    assertThat(run("space", "export", "--arch", "333333", "--format", "tflite", "--out",
        int8.toString(), "--precision", "int8")).isZero();
    assertThat((double) Files.size(int8) / Files.size(fp32)).isBetween(0.24, 0.3);
  }

  @Test
  void spaceExport_onnxInt8_isOneLineAndWritesNothing() {
    Path file = dir.resolve("cell.onnx");
    assertThat(run("space", "export", "--arch", "0", "--format", "onnx", "--out", file.toString(),
        "--precision", "int8")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "latlab: --precision int8 needs --format tflite: onnx networks are fp32 only");
    assertThat(file).doesNotExist();
  }

  @Test
  void spaceExport_unknownPrecision_isUsageError() {
    assertThat(run("space", "export", "--arch", "0", "--format", "tflite", "--out",
        dir.resolve("x.tflite").toString(), "--precision", "int4")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown precision 'int4': expected fp32 or int8");
  }

  @Test
  void spaceExport_missingDirectory_failsWithoutWriting() {
    Path file = dir.resolve("no/such/dir/cell.onnx");
    assertThat(run("space", "export", "--arch", "0", "--format", "onnx", "--out", file.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
    assertThat(file).doesNotExist();
  }

  @Test
  void spaceBench_smallSample_reportsBothFormats() {
    assertThat(run("space", "bench", "--archs", "sample:20:1", "--warmup", "5", "--json")).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("cells").getAsInt()).isEqualTo(20);
    assertThat(json.getAsJsonArray("results")).hasSize(2);
    assertThat(json.getAsJsonArray("results").get(0).getAsJsonObject().get("models_per_s")
        .getAsDouble()).isPositive();
  }

  @Test
  void spaceBench_badSelection_isOneLine() {
    assertThat(run("space", "bench", "--archs", "sample:0")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "latlab: arch selection 'sample:0': N must be 1..5390 (compute classes)");
  }
}
