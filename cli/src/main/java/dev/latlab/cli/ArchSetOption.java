package dev.latlab.cli;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ArchSelection;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --archs SET} option of commands that work on many cells (a picocli mixin). */
public final class ArchSetOption {
  @Option(names = "--archs", paramLabel = "SET", description = "Cells: all, compute-classes, "
      + "sample:N[:SEED] (N compute classes drawn with the seed) or file:PATH (one cell per line). "
      + "Default: ${DEFAULT-VALUE}.")
  String archs = "compute-classes";

  /**
   * Returns the selection as typed.
   *
   * @return e.g. {@code sample:200:1}
   */
  public String spec() {
    return archs;
  }

  /**
   * Resolves the selection.
   *
   * @return the cells
   * @throws UserException naming the problem if the selection or a file line is bad
   */
  public List<Arch> cells() {
    try {
      return ArchSelection.parse(archs);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
