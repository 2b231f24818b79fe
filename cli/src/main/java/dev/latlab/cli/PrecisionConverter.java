package dev.latlab.cli;

import dev.latlab.nb201.Precision;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --precision} option by its command-line name, {@code fp32} or {@code int8}. */
public final class PrecisionConverter implements ITypeConverter<Precision>, Iterable<String> {
  @Override
  public Precision convert(String value) {
    try {
      return Precision.fromCliName(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The valid names, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(Precision.values()).map(Precision::cliName).iterator();
  }
}
