package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.eval.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-training data of few-shot transfer: {@code pretrainCells} random cells of each other
 * device (a tenth of them held out for validation), each device's targets normalised with its own
 * {@link TargetScale}, so that devices 100x apart teach the same shape of the latency landscape.
 *
 * @param train training cells of every device, concatenated
 * @param trainY their normalised targets
 * @param valid validation cells of every device
 * @param validY their normalised targets
 */
record PretrainSet(List<Arch> train, float[] trainY, List<Arch> valid, float[] validY) {
  /** Share of each device's cells held out for early stopping. */
  private static final double VALID_SHARE = 0.1;

  /**
   * Builds the set.
   *
   * @param devices the other devices' data
   * @param cellsPerDevice cells drawn from each (all when a device has fewer)
   * @param linearSkip whether each device's targets are residuals of its linear skip
   * @param seed draws the cells
   * @return the set
   */
  static PretrainSet of(List<LatencyData> devices, int cellsPerDevice, boolean linearSkip,
      long seed) {
    List<Arch> train = new ArrayList<>();
    List<Arch> valid = new ArrayList<>();
    List<Float> trainY = new ArrayList<>();
    List<Float> validY = new ArrayList<>();
    for (LatencyData device : devices) {
      int cells = Math.min(cellsPerDevice, device.size() - 1);
      int v = Math.max(1, (int) Math.round(cells * VALID_SHARE));
      Split split = Split.of(device, cells - v, v, seed);
      TargetScale scale = TargetScale.fit(split.train().archs(), split.train().values(),
          linearSkip);
      add(split.train(), scale, train, trainY);
      add(split.valid(), scale, valid, validY);
    }
    return new PretrainSet(train, floats(trainY), valid, floats(validY));
  }

  private static void add(LatencyData data, TargetScale scale, List<Arch> archs, List<Float> y) {
    archs.addAll(data.archs());
    for (float v : scale.normalise(data.archs(), data.values())) {
      y.add(v);
    }
  }

  private static float[] floats(List<Float> values) {
    float[] a = new float[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }
}
