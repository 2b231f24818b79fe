package dev.latlab.predictor.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.SharedData;
import dev.latlab.predictor.data.ArchCsv;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.eval.Evaluation;
import dev.latlab.predictor.eval.Split;
import dev.latlab.proto.v1.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GCN and MLP latency models, small and fast, on real LatBench data. */
class NetworkModelsTest {
  private static final ArchCsv CSV = ArchCsv.read(SharedData.latbench());
  /** Small enough to train in seconds; the defaults are measured by the bench, not here. */
  private static final ModelOptions SMALL = new ModelOptions(3, 48, 0, 60, 2e-3, 5e-4, 10, 15,
      16, 0, 2, 30, 300, true);

  @Test
  void gcn_learnsAndRoundTripsThroughTheFile(@TempDir Path dir) throws Exception {
    LatencyData device = CSV.latency(SharedData.DEVICES[3]);
    Split split = Split.of(device, 300, 50, 5);
    Evaluation e = Evaluation.run(ModelKind.GCN, split, List.of(), SMALL, 5, TrainingListener.NONE);
    assertThat(e.metrics().spearman()).isGreaterThan(0.9);
    assertThat(e.model().epochsRun()).isPositive();

    Path file = dir.resolve("gcn.pb");
    LatencyModelFile.write(file, e.model(), Provenances.of(split.train(), split.valid(),
        List.of(), 5, e.model(), e.trainSeconds(), "test"));
    TrainedModel loaded = LatencyModelFile.read(file);
    List<Arch> some = Arch.all().subList(0, 500);
    assertThat(loaded.predictMs(some)).containsExactly(e.model().predictMs(some));
    Provenance p = LatencyModelFile.readMessage(file).getProvenance();
    assertThat(p.getDataSha256()).isEqualTo(split.train().contentHash());
    assertThat(p.getTrainCells()).isEqualTo(300);
    assertThat(p.getJvm()).isNotEmpty();
  }

  @Test
  void sameSeed_sameModel_otherSeed_otherModel() {
    LatencyData device = CSV.latency(SharedData.DEVICES[0]);
    Split split = Split.of(device, 100, 20, 1);
    ModelOptions quick = new ModelOptions(2, 16, 0.1, 8, 1e-3, 5e-4, 10, 35, 16, 0, 2, 5, 100,
        false);
    List<Arch> some = Arch.all().subList(0, 200);
    for (ModelKind kind : new ModelKind[] {ModelKind.GCN, ModelKind.MLP}) {
      double[] a = LatencyTraining.train(kind, split.train(), split.valid(), quick, 9,
          TrainingListener.NONE).predictMs(some);
      double[] b = LatencyTraining.train(kind, split.train(), split.valid(), quick, 9,
          TrainingListener.NONE).predictMs(some);
      double[] c = LatencyTraining.train(kind, split.train(), split.valid(), quick, 10,
          TrainingListener.NONE).predictMs(some);
      assertThat(a).as(kind.cliName()).containsExactly(b);
      assertThat(a).as(kind.cliName()).isNotEqualTo(c);
    }
  }

  @Test
  void mlp_learnsAndRoundTrips(@TempDir Path dir) throws Exception {
    LatencyData device = CSV.latency(SharedData.DEVICES[1]);
    Split split = Split.of(device, 300, 50, 2);
    Evaluation e = Evaluation.run(ModelKind.MLP, split, List.of(), SMALL, 2, TrainingListener.NONE);
    assertThat(e.metrics().spearman()).isGreaterThan(0.8);
    Path file = dir.resolve("mlp.pb");
    LatencyModelFile.write(file, e.model(), Provenance.getDefaultInstance());
    List<Arch> some = Arch.all().subList(100, 400);
    assertThat(LatencyModelFile.read(file).predictMs(some)).containsExactly(
        e.model().predictMs(some));
  }

  @Test
  void fewShot_pretrainsThenAdapts_andBeatsTrainingOnTheFewCellsAlone() {
    LatencyData target = CSV.latency(SharedData.DEVICES[3]);
    List<LatencyData> others = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      others.add(CSV.latency(SharedData.DEVICES[d]));
    }
    Split split = Split.fewShot(target, 20, 0, 4);
    List<String> phases = new ArrayList<>();
    TrainingListener phaseLog = (phase, epoch, max, train, valid) -> {
      if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
        phases.add(phase);
      }
    };
    Evaluation transfer = Evaluation.run(ModelKind.GCN, split, others, SMALL, 4, phaseLog);
    assertThat(phases).containsExactly("pretrain", "adapt");
    Evaluation alone = Evaluation.run(ModelKind.GCN, split, List.of(), SMALL, 4,
        TrainingListener.NONE);
    assertThat(transfer.metrics().spearman()).isGreaterThan(alone.metrics().spearman());
    assertThat(transfer.metrics().spearman()).isGreaterThan(0.8);
  }
}
