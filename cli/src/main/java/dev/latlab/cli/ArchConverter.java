package dev.latlab.cli;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ArchFormatException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an {@code ARCH} option: an NB201 string, a 6-digit vector or an index 0..15624. */
public final class ArchConverter implements ITypeConverter<Arch> {
  @Override
  public Arch convert(String value) {
    try {
      return Arch.parse(value);
    } catch (ArchFormatException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
