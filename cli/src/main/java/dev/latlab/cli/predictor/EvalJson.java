package dev.latlab.cli.predictor;

import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.eval.Evaluation;
import dev.latlab.predictor.eval.PredictionMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON object of one evaluation, shared by {@code eval --json} and the report's table. */
final class EvalJson {
  private EvalJson() {}

  static Map<String, Object> of(Evaluation e, LatencyData data, long seed,
      List<LatencyData> pretrain) {
    PredictionMetrics m = e.metrics();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", e.model().kind().cliName());
    json.put("data", data.name());
    json.put("train", e.split().train().size());
    json.put("valid", e.split().valid().size());
    json.put("test", e.split().test().size());
    json.put("seed", seed);
    json.put("pretrain", pretrain.stream().map(LatencyData::name).toList());
    json.put("within_1pct", m.within1pct());
    json.put("within_5pct", m.within5pct());
    json.put("within_10pct", m.within10pct());
    json.put("spearman", m.spearman());
    json.put("kendall", m.kendall());
    json.put("mape", m.mape());
    json.put("rmse_ms", m.rmseMs());
    json.put("train_seconds", e.trainSeconds());
    json.put("epochs", e.model().epochsRun());
    return json;
  }
}
