package dev.latlab.cli.search;

import dev.latlab.predictor.search.Answer;
import dev.latlab.predictor.search.RunResult;
import dev.latlab.predictor.search.SearchSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A finished search as JSON objects (one per strategy) or lines of text. */
final class SearchReport {
  /** Runs whose answers the text output lists one by one. */
  private static final int RUNS_LISTED = 5;

  private final SearchSettings settings;
  private final LatencySetup latency;
  private final List<SearchSummary> summaries;
  private final double seconds;

  SearchReport(SearchSettings settings, LatencySetup latency, List<SearchSummary> summaries,
      double seconds) {
    this.settings = settings;
    this.latency = latency;
    this.summaries = List.copyOf(summaries);
    this.seconds = seconds;
  }

  List<SearchSummary> summaries() {
    return summaries;
  }

  LatencySetup latency() {
    return latency;
  }

  SearchSettings settings() {
    return settings;
  }

  List<Map<String, Object>> toJson() {
    return summaries.stream().map(this::toJson).toList();
  }

  private Map<String, Object> toJson(SearchSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", s.strategy());
    m.put("budget", s.budget());
    m.put("runs", s.runs().size());
    m.put("seed", settings.seed());
    m.put("metric", settings.metric());
    m.put("report_metric", settings.reportMetric());
    m.put("max_latency_ms", latency.limit().isSet() ? latency.limit().ms() : null);
    m.put("latency_source", latency.kind());
    m.put("latency_source_name", latency.source());
    m.put("verified", latency.limit().isSet() ? latency.limit().verified() : null);
    m.put("measure_budget", latency.measureBudget());
    m.put("mean_best", s.meanBest());
    m.put("std_best", s.stdBest());
    m.put("optimum", s.optimum());
    m.put("found_optimum_share", s.foundOptimumShare());
    m.put("answered_runs", s.answered());
    m.put("mean_measured", s.meanMeasured());
    m.put("mean_queries", s.runs().stream().mapToInt(RunResult::queries).average().orElse(0));
    m.put("violations", s.violations());
    m.put("curve", Arrays.stream(s.curve()).boxed().toList());
    m.put("answers", answers(s.runs()));
    m.put("seconds", seconds);
    return m;
  }

  private static List<Map<String, Object>> answers(List<RunResult> runs) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (RunResult r : runs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seed", r.seed());
      Answer a = r.answer();
      m.put("arch_index", a == null ? null : a.arch().index());
      m.put("arch_str", a == null ? null : a.arch().nb201String());
      m.put("arch_vector", a == null ? null : a.arch().vector());
      m.put("query_acc", a == null ? null : a.accuracy());
      m.put("report_acc", a == null ? null : a.report());
      m.put("latency_ms", a == null ? null : a.latencyMs());
      m.put("queries", r.queries());
      m.put("measurements", r.measurements());
      m.put("seconds", r.seconds());
      list.add(m);
    }
    return list;
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "query %s, report %s, budget %d, %d run(s) from seed %d",
        settings.metric(), settings.reportMetric(), settings.budget(), settings.runs(),
        settings.seed()));
    lines.add(latencyLine());
    for (SearchSummary s : summaries) {
      lines.add(summaryLine(s));
      s.runs().stream().limit(RUNS_LISTED).forEach(r -> lines.add("  " + runLine(r)));
      if (s.runs().size() > RUNS_LISTED) {
        lines.add("  ... (" + (s.runs().size() - RUNS_LISTED) + " more runs: --json or --out)");
      }
    }
    lines.add(String.format(Locale.ROOT, "search finished in %.1f s", seconds));
    return lines;
  }

  private String latencyLine() {
    if (!latency.limit().isSet()) {
      return "no latency limit";
    }
    String head = String.format(Locale.ROOT, "latency limit %s ms, ", latency.limit().ms());
    return latency.limit().verified()
        ? head + "verified by measurement on " + latency.source() + " (at most "
            + latency.measureBudget() + " measurements per run)"
        : head + "NOT verified: judged by the latency model " + latency.source() + " alone";
  }

  private String summaryLine(SearchSummary s) {
    String line = String.format(Locale.ROOT, "%s: mean best %.3f +- %.3f over %d/%d answered "
        + "run(s)", s.strategy(), s.meanBest(), s.stdBest(), s.answered(), s.runs().size());
    if (!Double.isNaN(s.optimum())) {
      line += String.format(Locale.ROOT, ", optimum %.3f reached in %.0f%% of runs", s.optimum(),
          100 * s.foundOptimumShare());
    }
    if (!latency.limit().isSet()) {
      return line;
    }
    line += String.format(Locale.ROOT, ", %.1f measurements per run", s.meanMeasured());
    return s.violations() == null ? line : line + ", " + s.violations() + " violation(s)";
  }

  private String runLine(RunResult r) {
    Answer a = r.answer();
    String used = String.format(Locale.ROOT, "(%d queries, %d measurements)", r.queries(),
        r.measurements());
    if (a == null) {
      return "seed " + r.seed() + ": no answer: no queried cell was shown to meet the limit "
          + used;
    }
    String query = settings.metric().equals(settings.reportMetric()) ? ""
        : String.format(Locale.ROOT, " (%s %.3f)", settings.metric(), a.accuracy());
    String lat = Double.isNaN(a.latencyMs()) ? ""
        : String.format(Locale.ROOT, ", %s %.4f ms", a.verified() ? "measured" : "estimated",
            a.latencyMs());
    return String.format(Locale.ROOT, "seed %d: arch %d %s %s %.3f%s%s %s", r.seed(),
        a.arch().index(), a.arch().nb201String(), settings.reportMetric(), a.report(), query,
        lat, used);
  }
}
