package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import java.util.List;

/** Predicts one target's latency for NB201 cells. */
public interface LatencyPredictor {
  /**
   * Predicts one cell.
   *
   * @param arch the cell
   * @return predicted latency in milliseconds
   */
  double predictMs(Arch arch);

  /**
   * Predicts many cells; models that batch override this.
   *
   * @param archs the cells
   * @return predicted latencies in milliseconds, in order
   */
  default double[] predictMs(List<Arch> archs) {
    double[] ms = new double[archs.size()];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = predictMs(archs.get(i));
    }
    return ms;
  }
}
