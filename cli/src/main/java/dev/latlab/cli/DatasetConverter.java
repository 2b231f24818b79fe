package dev.latlab.cli;

import dev.latlab.nb201.ImageDataset;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --dataset} option by its command-line name, e.g. {@code imagenet16-120}. */
public final class DatasetConverter implements ITypeConverter<ImageDataset>, Iterable<String> {
  @Override
  public ImageDataset convert(String value) {
    try {
      return ImageDataset.fromCliName(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The valid names, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(ImageDataset.values()).map(ImageDataset::cliName).iterator();
  }
}
