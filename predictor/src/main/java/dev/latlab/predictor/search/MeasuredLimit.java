package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A limit with the hardware in the loop: unmeasured candidates are screened by the latency
 * estimator, a cell meets the limit only once measured under it, and every measurement refits the
 * estimator. Measurements stop at the plan's budget.
 */
final class MeasuredLimit implements LatencyGate {
  private final double limitMs;
  private final LatencyDevice device;
  private final MeasurementPlan plan;
  private final EstimateCache estimates;
  private final long seed;
  private final Recorder recorder;
  /** Every measured cell, in order; NaN where the device returned nothing. */
  private final Map<Arch, Double> measured = new LinkedHashMap<>();
  private boolean fitted;

  MeasuredLimit(double limitMs, LatencyDevice device, MeasurementPlan plan,
      LatencyEstimator estimator, long seed, Recorder recorder) {
    this.limitMs = limitMs;
    this.device = device;
    this.plan = plan;
    this.estimates = new EstimateCache(estimator);
    this.seed = seed;
    this.recorder = recorder;
  }

  @Override
  public void start(SplittableRandom random) {
    measure(InitialDesign.choose(plan.initialTaken(), random));
  }

  @Override
  public boolean passes(Arch arch) {
    Double ms = measured.get(arch);
    if (ms != null) {
      return ms <= limitMs;
    }
    // Without any fit yet there is nothing to screen with: let the cell through.
    return !fitted || estimates.get(arch) <= limitMs * (1 + plan.screenMargin());
  }

  @Override
  public Verdict verdict(Arch arch) {
    Double ms = measured.get(arch);
    if (ms == null) {
      return Verdict.UNKNOWN;
    }
    return ms <= limitMs ? Verdict.MEETS : Verdict.BREAKS;
  }

  @Override
  public boolean explore(Predicate<Arch> candidate) {
    if (measured.size() >= plan.budget()) {
      return false;
    }
    Arch fastest = null;
    for (Arch a : Arch.all()) {
      if (!measured.containsKey(a) && candidate.test(a)
          && (fastest == null || estimateMs(a) < estimateMs(fastest))) {
        fastest = a;
      }
    }
    if (fastest == null) {
      return false;
    }
    measure(List.of(fastest));
    return true;
  }

  @Override
  public boolean tryVerify(Arch arch) {
    if (measured.containsKey(arch) || measured.size() >= plan.budget()) {
      return false;
    }
    measure(List.of(arch));
    return true;
  }

  @Override
  public double latencyMs(Arch arch) {
    return measured.getOrDefault(arch, Double.NaN);
  }

  @Override
  public double estimateMs(Arch arch) {
    return fitted ? estimates.get(arch) : Double.NaN;
  }

  @Override
  public Map<Arch, Double> measurements() {
    return Collections.unmodifiableMap(measured);
  }

  private void measure(List<Arch> cells) {
    List<Arch> todo = cells.stream().filter(c -> !measured.containsKey(c)).distinct()
        .limit(plan.budget() - measured.size()).toList();
    if (todo.isEmpty()) {
      return;
    }
    double[] before = todo.stream().mapToDouble(this::estimateMs).toArray();
    Map<Arch, Double> result = device.measure(todo);
    for (int i = 0; i < todo.size(); i++) {
      double ms = result.getOrDefault(todo.get(i), Double.NaN);
      measured.put(todo.get(i), ms);
      recorder.measure(todo.get(i), before[i], ms);
    }
    refit();
  }

  private void refit() {
    List<Arch> archs = new ArrayList<>();
    List<Double> ms = new ArrayList<>();
    measured.forEach((arch, value) -> {
      if (!Double.isNaN(value)) {
        archs.add(arch);
        ms.add(value);
      }
    });
    if (!archs.isEmpty()) {
      estimates.estimator().fit(archs, ms.stream().mapToDouble(Double::doubleValue).toArray(),
          seed);
      estimates.invalidate();
      fitted = true;
    }
  }
}
