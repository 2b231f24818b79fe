package dev.latlab.cli;

import dev.latlab.nb201.net.ModelFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --format} option: {@code onnx} or {@code tflite}. */
public final class FormatConverter implements ITypeConverter<ModelFormat>, Iterable<String> {
  @Override
  public ModelFormat convert(String value) {
    try {
      return ModelFormat.fromCliName(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The valid names, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(ModelFormat.values()).map(ModelFormat::cliName).iterator();
  }
}
