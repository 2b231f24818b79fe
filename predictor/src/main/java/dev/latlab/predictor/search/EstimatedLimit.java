package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A limit judged by a trained latency predictor alone ({@code --latency-model}): there is no
 * device, so a cell meets the limit when its prediction does, and nothing is verified.
 */
final class EstimatedLimit implements LatencyGate {
  private final double limitMs;
  private final EstimateCache estimates;

  EstimatedLimit(double limitMs, LatencyEstimator estimator) {
    this.limitMs = limitMs;
    this.estimates = new EstimateCache(estimator);
  }

  @Override
  public void start(SplittableRandom random) {}

  @Override
  public boolean passes(Arch arch) {
    return estimates.get(arch) <= limitMs;
  }

  @Override
  public Verdict verdict(Arch arch) {
    return passes(arch) ? Verdict.MEETS : Verdict.BREAKS;
  }

  @Override
  public boolean explore(Predicate<Arch> candidate) {
    return false;
  }

  @Override
  public boolean tryVerify(Arch arch) {
    return false;
  }

  @Override
  public double latencyMs(Arch arch) {
    return estimates.get(arch);
  }

  @Override
  public double estimateMs(Arch arch) {
    return estimates.get(arch);
  }

  @Override
  public Map<Arch, Double> measurements() {
    return Map.of();
  }
}
