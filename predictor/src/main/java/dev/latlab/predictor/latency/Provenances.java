package dev.latlab.predictor.latency;

import dev.latlab.predictor.data.LatencyData;
import dev.latlab.proto.v1.Provenance;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds the provenance a saved predictor carries: data, seed, machine, time. */
public final class Provenances {
  private Provenances() {}

  /**
   * Describes a training run.
   *
   * @param train the training cells
   * @param valid the validation cells
   * @param pretrain pre-training datasets (few-shot transfer), or empty
   * @param seed the seed
   * @param model the trained model
   * @param trainSeconds wall time of training
   * @param version LatLab's version
   * @return the provenance
   */
  public static Provenance of(LatencyData train, LatencyData valid, List<LatencyData> pretrain,
      long seed, TrainedModel model, double trainSeconds, String version) {
    Provenance.Builder p = Provenance.newBuilder().setData(train.name())
        .setDataSha256(train.contentHash()).setTrainCells(train.size())
        .setValidCells(valid.size()).setSeed(seed)
        .setJvm(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
        .setOs(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"))
        .setCreated(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
        .setLatlabVersion(version).setTrainSeconds(trainSeconds).setEpochsRun(model.epochsRun());
    for (LatencyData d : pretrain) {
      p.addPretrain(d.name() + " " + d.contentHash());
    }
    return p.build();
  }
}
