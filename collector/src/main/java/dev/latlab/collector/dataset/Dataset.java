package dev.latlab.collector.dataset;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A target's dataset: at most one row per cell, sorted by {@code arch_index}. Immutable.
 *
 * @param rows the rows, at least one, in strictly increasing arch index order
 */
record Dataset(List<DatasetRow> rows) {
  /**
   * Copies the rows.
   *
   * @throws NoSuchElementException if there are no rows (there is nothing to export)
   * @throws IllegalArgumentException if the rows are not in strictly increasing arch index order
   */
  Dataset {
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new NoSuchElementException("a dataset needs at least one result");
    }
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i - 1).arch().index() >= rows.get(i).arch().index()) {
        throw new IllegalArgumentException("rows must be sorted by arch index, one per cell; row "
            + i + " has index " + rows.get(i).arch().index());
      }
    }
  }
}
