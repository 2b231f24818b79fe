package dev.latlab.cli.collector;

import dev.latlab.cli.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab collector bench}: result ingest throughput, ack latency and idle heap. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark the collector: result ingest rate, ack latency, heap with idle agents.",
      "",
      "For each agent count, start a fresh collector in this JVM "
          + "(SQLite in a temporary directory, loopback), create a campaign, and let simulated "
          + "agents (the real session protocol, synthetic valid results, no inference) answer "
          + "every job at once. Reports acknowledged results/s after a warm-up, ack latency "
          + "(result sent to ResultAck received) p50/p99/max, and checks that the database "
          + "holds every acknowledged result exactly once.",
      "With --idle-agents, instead measures the collector's heap with that many idle agents "
          + "connected: in a forked collector JVM (its heap alone) and in this JVM.",
      ""
    })
final class CollectorBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--agents", paramLabel = "N[,N...]", split = ",",
      description = "Simulated agent counts, one run each. Default: 10,100,1000.")
  List<Integer> agents = List.of(10, 100, 1000);

  @Option(names = "--results", paramLabel = "R",
      description = "Results per run (rounded up to whole repeats of the cells). "
          + "Default: ${DEFAULT-VALUE}.")
  int results = 100_000;

  @Option(names = "--warmup", paramLabel = "ACKS",
      description = "Acknowledgements left out of the measurement. Default: 10 % of --results.")
  Integer warmup;

  @Option(names = "--jit-warmup", paramLabel = "R",
      description = "Results of an unreported run (100 agents) first, so that the JIT compiler "
          + "is done before the measured runs; 0 skips it. Default: ${DEFAULT-VALUE}.")
  int jitWarmup = 200_000;

  @Option(names = "--credit", paramLabel = "JOBS",
      description = "Jobs each agent keeps in flight. Default: ${DEFAULT-VALUE}.")
  int credit = 8;

  @Option(names = "--agents-per-channel", paramLabel = "N",
      description = "Agent streams sharing one connection. Default: 250 for ingest; 1 with "
          + "--idle-agents, as each device has its own connection.")
  Integer agentsPerChannel;

  @Option(names = "--idle-agents", paramLabel = "N",
      description = "Measure the heap with N idle agents instead of ingest.")
  Integer idleAgents;

  @Option(names = "--auth", description = "Require a (random) bearer token on every call.")
  boolean auth;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Keep the databases here. Default: a temporary directory, deleted after.")
  Path dir;

  @Option(names = "--stall-timeout", paramLabel = "SECONDS",
      description = "Fail a run with no acknowledgement for this long. Default: ${DEFAULT-VALUE}.")
  int stallSeconds = 60;

  @Option(names = "--json", description = "Print one JSON object instead of tables.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException, IOException {
    validate();
    Path workDir = dir != null ? Files.createDirectories(dir)
        : Files.createTempDirectory("latlab-collector-bench");
    try {
      String token = auth ? newToken() : null;
      BenchReport report = new BenchReport(spec.commandLine().getOut(), json);
      if (idleAgents != null) {
        report.idle(runIdle(workDir, token));
      } else {
        report.ingest(runIngest(workDir, token), results, credit);
      }
      return 0;
    } finally {
      if (dir == null) {
        deleteRecursively(workDir);
      }
    }
  }

  private void validate() {
    if (idleAgents != null && spec.commandLine().getParseResult().hasMatchedOption("--agents")) {
      throw new UserException("--agents and --idle-agents are separate modes; give one");
    }
    if (agents.isEmpty() || agents.stream().anyMatch(n -> n < 1 || n > 100_000)) {
      throw new UserException("--agents must be counts in 1..100000: " + agents);
    }
    if (idleAgents != null && (idleAgents < 1 || idleAgents > 100_000)) {
      throw new UserException("--idle-agents must be in 1..100000: " + idleAgents);
    }
    if (results < 1 || results > BenchCampaign.MAX_JOBS) {
      throw new UserException("--results must be in 1.." + BenchCampaign.MAX_JOBS + ": " + results);
    }
    if (warmup != null && (warmup < 0 || warmup >= results)) {
      throw new UserException("--warmup must be in 0.." + (results - 1) + ": " + warmup);
    }
    if (jitWarmup < 0 || jitWarmup > BenchCampaign.MAX_JOBS) {
      throw new UserException("--jit-warmup must be in 0.." + BenchCampaign.MAX_JOBS);
    }
    if (agentsPerChannel == null) {
      agentsPerChannel = idleAgents == null ? 250 : 1;
    }
    if (credit < 1 || credit > 1024 || agentsPerChannel < 1 || stallSeconds < 1) {
      throw new UserException("--credit must be in 1..1024, --agents-per-channel and "
          + "--stall-timeout at least 1");
    }
  }

  private List<IngestBenchmark.Result> runIngest(Path workDir, String token)
      throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (jitWarmup > 0) {
      progress(err, "warming the JIT up: 100 agents, " + jitWarmup + " results (not reported)");
      ingest(workDir.resolve("jit-warmup"), token, jitWarmup, jitWarmup / 10).run(100);
    }
    IngestBenchmark bench =
        ingest(workDir, token, results, warmup != null ? warmup : results / 10);
    List<IngestBenchmark.Result> runs = new ArrayList<>();
    for (int n : agents) {
      progress(err, n + " agents, " + results + " results");
      runs.add(bench.run(n));
    }
    return runs;
  }

  private IngestBenchmark ingest(Path workDir, String token, int results, int warmupAcks) {
    return new IngestBenchmark(new IngestBenchmark.Settings(workDir, token, results, warmupAcks,
        credit, agentsPerChannel, Duration.ofSeconds(stallSeconds), spec.commandLine().getErr()));
  }

  private static void progress(PrintWriter err, String what) {
    err.println("collector bench: " + what + "...");
    err.flush();
  }

  private List<IdleBenchmark.Heap> runIdle(Path workDir, String token)
      throws InterruptedException, IOException {
    Path tokenFile = null;
    if (token != null) {
      tokenFile = workDir.resolve("token");
      Files.writeString(tokenFile, token);
    }
    IdleBenchmark bench = new IdleBenchmark(new IdleBenchmark.Settings(workDir, token, tokenFile,
        agentsPerChannel, Duration.ofSeconds(2)));
    PrintWriter err = spec.commandLine().getErr();
    progress(err, idleAgents + " idle agents, forked collector");
    IdleBenchmark.Heap forked = bench.forked(idleAgents);
    progress(err, idleAgents + " idle agents, collector in this JVM");
    return List.of(forked, bench.inProcess(idleAgents));
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
