package dev.latlab.cli.demo;

import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.agent.remote.ProtoMapping;
import dev.latlab.cli.Progress;
import dev.latlab.cli.UserException;
import dev.latlab.cli.agent.BackendOptions;
import dev.latlab.cli.agent.ProtocolOptions;
import dev.latlab.cli.collector.LocalCollector;
import dev.latlab.cli.remote.Channels;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CampaignServiceGrpc.CampaignServiceBlockingStub;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.DatasetChunk;
import dev.latlab.proto.v1.ExportDatasetRequest;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab demo}: the whole loop on one machine. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "LatLab's main job on one machine: start a collector on a SQLite file in --dir, connect one "
          + "local agent over loopback gRPC (with a bearer token), run a campaign over a sample of "
          + "compute classes stratified by FLOPs, export the dataset (CSV and LatBench pickle) and "
          + "summarise it; then search for the most accurate cell under the campaign's median "
          + "latency, verified by measurements on the same agent (needs --accuracy). Takes about "
          + "a minute here with the defaults.",
      ""
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Working directory for the database, spool and exports. "
          + "Default: ${DEFAULT-VALUE}.")
  Path dir = Path.of("latlab-demo");

  @Option(names = "--sample", paramLabel = "N",
      description = "Cells to measure. Default: ${DEFAULT-VALUE}.")
  int sample = 100;

  @Option(names = "--sample-seed", paramLabel = "S",
      description = "Seed of the sample. Default: ${DEFAULT-VALUE}.")
  long sampleSeed = 1;

  @Option(names = "--accuracy", paramLabel = "FILE",
      description = "NB201 accuracy table for the search step (columns " + DemoSearch.METRIC
          + " and " + DemoSearch.REPORT + "); the step is skipped if the file is missing. "
          + "Default: ${DEFAULT-VALUE}.")
  Path accuracy = Path.of("..", "shared", "data", "nb201_accuracy.csv");

  @Option(names = "--search-seed", paramLabel = "S",
      description = "Seed of the search step. Default: ${DEFAULT-VALUE}.")
  long searchSeed = 0;

  @Mixin BackendOptions backend;
  @Mixin ProtocolOptions protocol;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    List<Arch> cells = sample();
    InferenceBackend runtime = backend.create();
    String token = prepareDir();
    try (LocalCollector collector = LocalCollector.start(dir.resolve("latlab.db"),
        b -> b.port(0).bindAddress("127.0.0.1").token(token))) {
      String address = "127.0.0.1:" + collector.port();
      ManagedChannel channel = Channels.open(address, token, null);
      try (CollectorClient agent = Demo.agent(channel, runtime, dir.resolve("spool"))) {
        out.printf("collector on %s (database %s), one local agent: %s%n", address,
            dir.resolve("latlab.db"), runtime.identity());
        agent.start();
        run(channel, address, Demo.target(runtime), cells, out);
      } finally {
        channel.shutdownNow();
      }
    }
    out.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
    out.flush();
    return 0;
  }

  private void run(ManagedChannel channel, String address, String target, List<Arch> cells,
      PrintWriter out) throws InterruptedException, IOException {
    CampaignServiceBlockingStub stub = CampaignServiceGrpc.newBlockingStub(channel);
    Protocol timing = ProtoMapping.toProto(protocol.protocol(0));
    NetworkOptions network = ProtoMapping.toNetworkOptions(NetworkSpec.CIFAR10, 0);
    CreateCampaignRequest.Builder request = CreateCampaignRequest.newBuilder().setTarget(target)
        .setRepeats(1).setLabel("demo").setProtocol(timing).setNetwork(network);
    cells.forEach(a -> request.addArchIndices(a.index()));
    String id = stub.withDeadlineAfter(30, TimeUnit.SECONDS).createCampaign(request.build()).getId();
    out.printf("campaign %s on target %s: %d cells stratified by FLOPs%n", id, target,
        cells.size());
    out.flush();
    follow(stub, id, cells.size());
    Path csv = export(stub, target, "csv", dir.resolve("dataset.csv"));
    Path pickle = export(stub, target, "latbench-pickle", dir.resolve("latbench.pickle"));
    out.printf("dataset: %s, LatBench pickle: %s%n", csv, pickle);
    DemoSummary.print(csv, out);
    if (Files.isReadable(accuracy)) {
      DemoSearch.run(channel, address, target, timing, network, csv, accuracy, searchSeed, out);
    } else {
      out.printf("search step skipped: no accuracy table at %s (--accuracy FILE)%n", accuracy);
    }
  }

  private static void follow(CampaignServiceBlockingStub stub, String id, int total)
      throws InterruptedException {
    try (Progress progress = Progress.start("measuring", total)) {
      long shown = 0;
      while (true) {
        CampaignStatus s = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
            .getCampaignStatus(GetCampaignStatusRequest.newBuilder().setCampaignId(id).build());
        for (; shown < s.getDone() + s.getFailed(); shown++) {
          progress.step();
        }
        if (s.getState().equals("done")) {
          return;
        }
        TimeUnit.MILLISECONDS.sleep(250);
      }
    }
  }

  private static Path export(CampaignServiceBlockingStub stub, String target, String format,
      Path file) throws IOException {
    Iterator<DatasetChunk> chunks = stub.withDeadlineAfter(60, TimeUnit.SECONDS).exportDataset(
        ExportDatasetRequest.newBuilder().setTarget(target).setFormat(format).build());
    try (OutputStream stream = Files.newOutputStream(file)) {
      while (chunks.hasNext()) {
        chunks.next().getData().writeTo(stream);
      }
    }
    return file;
  }

  private List<Arch> sample() {
    try {
      return StratifiedSample.byFlops(sample, sampleSeed);
    } catch (IllegalArgumentException e) {
      throw new UserException("--sample: " + e.getMessage(), e);
    }
  }

  /** Creates the directory and a fresh token file readable by the owner only. */
  private String prepareDir() {
    try {
      Files.createDirectories(dir);
      byte[] secret = new byte[16];
      new SecureRandom().nextBytes(secret);
      String token = HexFormat.of().formatHex(secret);
      Files.writeString(dir.resolve("token"), token + "\n");
      dir.resolve("token").toFile().setReadable(false, false);
      dir.resolve("token").toFile().setReadable(true, true);
      return token;
    } catch (IOException e) {
      throw new UserException("cannot use directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
