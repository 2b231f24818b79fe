package dev.latlab.predictor.latency;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.latlab.proto.v1.LatencyPredictorFile;
import dev.latlab.proto.v1.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves and loads trained latency predictors as a {@code latlab.v1.LatencyPredictorFile} protobuf
 * message: parameters, target normalisation, options and provenance. A loaded model predicts
 * exactly what the saved one did.
 */
public final class LatencyModelFile {
  /** The format this code writes; files of a newer one are refused. */
  public static final int FORMAT_VERSION = 1;

  private LatencyModelFile() {}

  /**
   * Writes a model, atomically (a temporary file renamed over the target).
   *
   * @param path where to write
   * @param model the trained model
   * @param provenance where it came from
   * @throws IOException if writing fails
   */
  public static void write(Path path, TrainedModel model, Provenance provenance)
      throws IOException {
    LatencyPredictorFile file = model.describe().setFormatVersion(FORMAT_VERSION)
        .setProvenance(provenance).build();
    Path absolute = path.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path temp = Files.createTempFile(parent, absolute.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        file.writeTo(out);
      }
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads the saved message without building the model.
   *
   * @param path the file
   * @return the message
   * @throws IllegalArgumentException if the file is missing, not a predictor file or too new
   */
  public static LatencyPredictorFile readMessage(Path path) {
    LatencyPredictorFile file;
    try {
      file = LatencyPredictorFile.parseFrom(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + path, e);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(path + " is not a LatLab latency predictor file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
    }
    if (file.getFormatVersion() == 0 || file.getKind().isEmpty()) {
      throw new IllegalArgumentException(path + " is not a LatLab latency predictor file");
    }
    if (file.getFormatVersion() > FORMAT_VERSION) {
      throw new IllegalArgumentException(path + " has format " + file.getFormatVersion()
          + "; this LatLab reads up to " + FORMAT_VERSION);
    }
    return file;
  }

  /**
   * Loads a saved model.
   *
   * @param path the file
   * @return the model, predicting exactly as when it was saved
   * @throws IllegalArgumentException as {@link #readMessage}, or if the content is inconsistent
   */
  public static TrainedModel read(Path path) {
    LatencyPredictorFile file = readMessage(path);
    try {
      return switch (ModelKind.parse(file.getKind())) {
        case FLOPS, LAYERWISE -> LinearModel.of(file);
        case GCN -> GcnLatencyModel.of(file);
        case MLP -> MlpLatencyModel.of(file);
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
