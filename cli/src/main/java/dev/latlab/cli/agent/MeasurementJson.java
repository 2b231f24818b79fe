package dev.latlab.cli.agent;

import dev.latlab.agent.LatencyStatistics;
import dev.latlab.agent.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A measurement as a JSON-ready map with snake_case keys. */
final class MeasurementJson {
  private MeasurementJson() {}

  static Map<String, Object> toMap(Measurement m) {
    LatencyStatistics s = m.stats();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("arch_index", m.arch().index());
    map.put("arch_str", m.arch().nb201String());
    map.put("arch_vector", m.arch().vector());
    map.put("latency_ms", m.latencyMillis());
    map.put("median_ms", s.medianMillis());
    map.put("latbench_ms", s.latbenchMillis());
    map.put("runs", s.n());
    map.put("mean_ms", s.meanMillis());
    map.put("std_ms", s.stdMillis());
    map.put("min_ms", s.minMillis());
    map.put("max_ms", s.maxMillis());
    map.put("p10_ms", s.p10Millis());
    map.put("p90_ms", s.p90Millis());
    map.put("mad_ms", s.madMillis());
    map.put("ci_half_width", s.medianCiHalfWidth());
    map.put("stopped_early", m.stoppedEarly());
    map.put("wall_s", m.wallNanos() / 1e9);
    map.put("backend", m.backend());
    map.put("protocol", m.protocol());
    map.put("network", m.spec().identity());
    map.put("device", m.environment().fingerprint());
    map.put("environment", m.environment().toMap());
    map.put("samples_ms", samples(m.samplesNanos()));
    return map;
  }

  private static List<List<Double>> samples(long[][] rounds) {
    List<List<Double>> all = new ArrayList<>();
    for (long[] round : rounds) {
      List<Double> r = new ArrayList<>(round.length);
      for (long nanos : round) {
        r.add(nanos / 1e6);
      }
      all.add(r);
    }
    return all;
  }
}
