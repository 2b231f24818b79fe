package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Numbers and keeps a run's trace events and hands each to the listener. */
final class Recorder {
  private final SearchListener listener;
  private final List<TraceEvent> events = new ArrayList<>();
  private int queries;
  private int measurements;

  Recorder(SearchListener listener) {
    this.listener = listener;
  }

  void query(Arch arch, double accuracy, double report, double estimatedMs) {
    queries++;
    add(new TraceEvent(events.size() + 1, TraceEvent.Kind.QUERY, arch, queries, measurements,
        accuracy, report, estimatedMs, Double.NaN));
  }

  void measure(Arch arch, double estimatedMs, double measuredMs) {
    measurements++;
    add(new TraceEvent(events.size() + 1, TraceEvent.Kind.MEASURE, arch, queries, measurements,
        Double.NaN, Double.NaN, estimatedMs, measuredMs));
  }

  int queries() {
    return queries;
  }

  int measurements() {
    return measurements;
  }

  List<TraceEvent> events() {
    return Collections.unmodifiableList(events);
  }

  private void add(TraceEvent event) {
    events.add(event);
    listener.onEvent(event);
  }
}
