package dev.latlab.agent;

import dev.latlab.nb201.Arch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Measures a set of cells into a {@link SweepCsv}: skips the cells the file already holds, shuffles
 * the rest (so slow drift does not line up with the arch index), runs the {@link DriftGuard} before
 * each network, and appends each result as soon as it is measured.
 */
public final class Sweep {
  /** Hears about a sweep's progress; called on the sweep's thread. */
  public interface Listener {
    /**
     * Called once before measuring.
     *
     * @param toMeasure cells this run will measure
     * @param alreadyDone cells the file held already
     */
    void started(int toMeasure, int alreadyDone);

    /**
     * Called after each cell is written.
     *
     * @param m the measurement
     */
    void measured(Measurement m);
  }

  /**
   * What a sweep did.
   *
   * @param measured cells measured by this run
   * @param skipped cells already in the file
   * @param canaryChecks the drift guard's canary measurements
   * @param maxAbsDrift largest canary drift, relative
   * @param flagged whether the canary drifted beyond the threshold
   */
  public record Summary(int measured, int skipped, List<DriftGuard.CanaryCheck> canaryChecks,
      double maxAbsDrift, boolean flagged) {}

  private final Measurer measurer;
  private final DriftGuard guard;

  /**
   * Creates a sweep.
   *
   * @param measurer times each network
   * @param guard the drift guard
   */
  public Sweep(Measurer measurer, DriftGuard guard) {
    this.measurer = measurer;
    this.guard = guard;
  }

  /**
   * Measures every cell not yet in the file.
   *
   * @param cells the cells
   * @param out the result file, already open
   * @param shuffleSeed seed of the measuring order; null keeps the given order
   * @param listener progress
   * @return the summary
   * @throws InterruptedException if interrupted; every finished cell is already in the file
   */
  public Summary run(List<Arch> cells, SweepCsv out, Long shuffleSeed, Listener listener)
      throws InterruptedException {
    Set<Integer> done = out.done();
    List<Arch> todo = new ArrayList<>();
    for (Arch a : cells) {
      if (!done.contains(a.index())) {
        todo.add(a);
      }
    }
    if (shuffleSeed != null) {
      Collections.shuffle(todo, new Random(shuffleSeed));
    }
    listener.started(todo.size(), cells.size() - todo.size());
    for (int i = 0; i < todo.size(); i++) {
      double drift = guard.beforeNetwork(i);
      Measurement m = measurer.measure(todo.get(i));
      out.append(m, drift);
      listener.measured(m);
    }
    guard.afterLast(todo.size());
    return new Summary(todo.size(), cells.size() - todo.size(), guard.checks(),
        guard.maxAbsDrift(), guard.flagged());
  }
}
