package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** No latency limit: every cell passes and meets it; nothing is measured. */
final class NoLimit implements LatencyGate {
  @Override
  public void start(SplittableRandom random) {}

  @Override
  public boolean passes(Arch arch) {
    return true;
  }

  @Override
  public Verdict verdict(Arch arch) {
    return Verdict.MEETS;
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
    return Double.NaN;
  }

  @Override
  public double estimateMs(Arch arch) {
    return Double.NaN;
  }

  @Override
  public Map<Arch, Double> measurements() {
    return Map.of();
  }
}
