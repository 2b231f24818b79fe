package dev.latlab.cli.predictor;

import dev.latlab.cli.Json;
import dev.latlab.cli.UserException;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.eval.Evaluation;
import dev.latlab.predictor.eval.Split;
import dev.latlab.predictor.latency.ModelKind;
import dev.latlab.predictor.plot.PredictionScatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab predictor report}: every model on one device, as a table and a scatter plot. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Evaluate several models on the same split of one device and write "
        + "DIR/scatter.png (predicted vs measured per model), DIR/metrics.csv and "
        + "DIR/metrics.md; the table is also printed.", ""})
final class PredictorReportCommand implements Callable<Integer> {
  private static final String[] COLUMNS = {"model", "train", "valid", "test", "within_1pct",
      "within_5pct", "within_10pct", "spearman", "kendall", "mape", "rmse_ms", "train_seconds"};

  @Spec CommandSpec spec;

  @Mixin DataOptions data;

  @Option(names = "--models", paramLabel = "MODEL", split = ",", description = "Models to "
      + "compare. Default: gcn,mlp,flops,layerwise.")
  List<String> models = List.of("gcn", "mlp", "flops", "layerwise");

  @Option(names = "--train", paramLabel = "N", description = "Training cells. Default: "
      + "${DEFAULT-VALUE}.")
  int train = 900;

  @Option(names = "--valid", paramLabel = "N", description = "Validation cells. Default: "
      + "${DEFAULT-VALUE}.")
  int valid = 100;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for "
      + "the plot and the tables (created if missing).")
  Path out;

  @Option(names = "--json", description = "Print one JSON object (device, models: [...]).")
  boolean json;

  @Mixin TrainingOptions training;

  @Override
  public Integer call() {
    List<ModelKind> kinds = models.stream().map(PredictorEvalCommand::parseKind).toList();
    LatencyData device = data.load();
    List<LatencyData> pretrain = data.loadPretrain(training.pretrain);
    Split split = PredictorEvalCommand.split(device, pretrain.isEmpty(), train, valid,
        training.seed);
    List<Evaluation> evaluations = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ModelKind kind : kinds) {
      try (EpochProgress progress = new EpochProgress(kind.cliName())) {
        Evaluation e = Evaluation.run(kind, split, pretrain, training.options(), training.seed,
            progress);
        evaluations.add(e);
        rows.add(EvalJson.of(e, device, training.seed, pretrain));
      }
    }
    write(device, evaluations, rows);
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("device", device.name());
      all.put("models", rows);
      stdout.println(Json.write(all));
    } else {
      stdout.print(markdown(device, rows));
      stdout.printf("wrote %s, %s, %s%n", out.resolve("scatter.png"), out.resolve("metrics.csv"),
          out.resolve("metrics.md"));
    }
    stdout.flush();
    return 0;
  }

  private void write(LatencyData device, List<Evaluation> evaluations,
      List<Map<String, Object>> rows) {
    try {
      Files.createDirectories(out);
      PredictionScatter.write(out.resolve("scatter.png"), device.name(), evaluations);
      Files.writeString(out.resolve("metrics.csv"), csv(rows), StandardCharsets.UTF_8);
      Files.writeString(out.resolve("metrics.md"), markdown(device, rows), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException("cannot write to " + out + ": " + e.getMessage(), e);
    }
  }

  private static String csv(List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : COLUMNS) {
        cells.add(format(row.get(c)));
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  private static String markdown(LatencyData device, List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder("Device: " + device.name() + "\n\n| "
        + String.join(" | ", COLUMNS) + " |\n|" + "---|".repeat(COLUMNS.length) + "\n");
    for (Map<String, Object> row : rows) {
      sb.append("|");
      for (String c : COLUMNS) {
        sb.append(' ').append(format(row.get(c))).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String format(Object value) {
    return value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
  }
}
