package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.latlab.collector.DatasetExporter;
import dev.latlab.proto.v1.DatasetChunk;
import dev.latlab.proto.v1.ExportDatasetRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExportDataset: UNIMPLEMENTED without an exporter, else the exporter's bytes in 1 MiB chunks. */
class DatasetExportTest {
  private static final ExportDatasetRequest REQUEST = ExportDatasetRequest.newBuilder()
      .setTarget("t1").setFormat("csv").build();

  @TempDir Path dir;
  private Harness harness;

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void export_withoutExporter_isUnimplemented() {
    harness = Harness.with(dir).start();
    assertThat(exportError(REQUEST).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(exportError(REQUEST).getDescription())
        .isEqualTo("dataset export arrives with the dataset package");
  }

  @Test
  void export_bigFile_arrivesInMebibyteChunks() {
    byte[] file = new byte[(5 << 20) / 2];
    new SplittableRandom(7).nextBytes(file);
    List<String> calls = new ArrayList<>();
    harness = Harness.with(dir).exporter((target, format, fill) -> {
      calls.add(target + " " + format + " " + fill);
      return file;
    }).start();
    List<DatasetChunk> chunks = new ArrayList<>();
    harness.campaigns().exportDataset(REQUEST.toBuilder().setFillComputeClasses(true).build())
        .forEachRemaining(chunks::add);
    assertThat(chunks).extracting(c -> c.getData().size())
        .containsExactly(1 << 20, 1 << 20, 1 << 19);
    ByteString joined = chunks.stream().map(DatasetChunk::getData)
        .reduce(ByteString.EMPTY, ByteString::concat);
    assertThat(joined.toByteArray()).isEqualTo(file);
    assertThat(calls).containsExactly("t1 csv true");
  }

  @Test
  void export_badFormat_isInvalidArgument() {
    harness = Harness.with(dir).exporter(failing(new IllegalArgumentException("unknown format x")))
        .start();
    Status status = exportError(REQUEST);
    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).isEqualTo("unknown format x");
  }

  @Test
  void export_noData_isNotFound() {
    harness = Harness.with(dir).exporter(failing(new NoSuchElementException("no results for t1")))
        .start();
    assertThat(exportError(REQUEST).getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void export_missingTargetOrFormat_isInvalidArgument() {
    harness = Harness.with(dir).exporter((target, format, fill) -> new byte[1]).start();
    assertThat(exportError(REQUEST.toBuilder().clearTarget().build()).getCode())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(exportError(REQUEST.toBuilder().clearFormat().build()).getCode())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  private static DatasetExporter failing(RuntimeException e) {
    return (target, format, fill) -> {
      throw e;
    };
  }

  private Status exportError(ExportDatasetRequest request) {
    try {
      harness.campaigns().exportDataset(request).forEachRemaining(chunk -> { });
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
    throw new AssertionError("export succeeded");
  }
}
