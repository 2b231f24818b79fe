package dev.latlab.collector.grpc;

import dev.latlab.collector.store.CampaignRow;
import dev.latlab.collector.store.JobRow;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ArchSelection;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.Precision;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a CreateCampaignRequest into the rows to store, filling LatLab's defaults and refusing
 * anything an agent could not measure sensibly. Every problem is an {@link
 * IllegalArgumentException} whose message the client sees.
 */
final class CampaignRequests {
  static final int MAX_REPEATS = 100;
  static final int MAX_LABEL_LENGTH = 256;

  /** LatLab's protocol: 10 runs and 0.2 s warm-up, rounds of 10, 30..300 runs to 1 %, median. */
  static final Protocol DEFAULT_PROTOCOL = Protocol.newBuilder()
      .setWarmupRuns(10).setWarmupNanos(200_000_000L).setRunsPerRound(10)
      .setMinRuns(30).setMaxRuns(300).setTargetHalfWidth(0.01).setStatistic("median")
      .build();

  /** NB201 on CIFAR-10: 32x32x3 input, C=16, N=5, 10 classes, batch 1, weight seed 0. */
  static final NetworkOptions DEFAULT_NETWORK = NetworkOptions.newBuilder()
      .setResolution(32).setInputChannels(3).setChannels(16).setCellsPerStage(5)
      .setClasses(10).setBatch(1).setWeightSeed(0)
      .build();

  private static final Set<String> STATISTICS = Set.of("median", "mean", "min", "latbench");

  /**
   * A campaign ready to store.
   *
   * @param row the campaign
   * @param jobs its jobs: repeat 0 of every cell, then repeat 1, ...
   */
  record NewCampaign(CampaignRow row, List<JobRow> jobs) {}

  private CampaignRequests() {}

  /**
   * Checks a request and builds its rows.
   *
   * @param request the request
   * @param campaignId the new campaign's id
   * @param nowMillis creation time
   * @return the campaign and its jobs
   * @throws IllegalArgumentException naming the first problem
   */
  static NewCampaign plan(CreateCampaignRequest request, String campaignId, long nowMillis) {
    String targetProblem = Names.targetProblem(request.getTarget());
    check(targetProblem == null, targetProblem);
    check(request.getLabel().length() <= MAX_LABEL_LENGTH,
        "label is longer than " + MAX_LABEL_LENGTH + " characters");
    List<Integer> cells = cells(request);
    int repeats = repeats(request.getRepeats());
    Protocol protocol = protocol(request.getProtocol());
    NetworkOptions network = network(request.getNetwork());
    String selection = request.getSelection().isEmpty() ? "list" : request.getSelection();
    CampaignRow row = new CampaignRow(campaignId, request.getTarget(), selection, cells.size(),
        repeats, protocol.toByteArray(), network.toByteArray(), nowMillis, request.getLabel());
    return new NewCampaign(row, jobs(campaignId, cells, repeats));
  }

  /** Returns a job's id: {@code campaignId-archIndex-repeat}. */
  static String jobId(String campaignId, int archIndex, int repeat) {
    return campaignId + "-" + archIndex + "-" + repeat;
  }

  private static List<JobRow> jobs(String campaignId, List<Integer> cells, int repeats) {
    List<JobRow> jobs = new ArrayList<>(cells.size() * repeats);
    for (int repeat = 0; repeat < repeats; repeat++) {
      for (int cell : cells) {
        jobs.add(new JobRow(jobId(campaignId, cell, repeat), campaignId, cell, repeat, 0, null,
            JobRow.State.OPEN));
      }
    }
    return jobs;
  }

  static List<Integer> cells(CreateCampaignRequest request) {
    String selection = request.getSelection();
    boolean listed = request.getArchIndicesCount() > 0;
    check(!selection.isEmpty() || listed, "a selection or arch_indices is required");
    check(selection.isEmpty() || !listed, "give a selection or arch_indices, not both");
    if (listed) {
      return listedCells(request.getArchIndicesList());
    }
    // The collector must not read its own files on a client's behalf.
    check(!selection.startsWith("file:"),
        "file: selections are resolved by the client; send arch_indices instead");
    return ArchSelection.parse(selection).stream().map(Arch::index).toList();
  }

  private static List<Integer> listedCells(List<Integer> indices) {
    Set<Integer> seen = new HashSet<>();
    for (int index : indices) {
      check(index >= 0 && index < Arch.COUNT,
          "arch index " + index + " is outside 0.." + (Arch.COUNT - 1));
      check(seen.add(index), "arch index " + index + " is listed twice");
    }
    return List.copyOf(indices);
  }

  static int repeats(int repeats) {
    check(repeats >= 0 && repeats <= MAX_REPEATS,
        "repeats must be 1.." + MAX_REPEATS + " (0 means 1): " + repeats);
    return Math.max(1, repeats);
  }

  /** Returns the protocol to use: the default for an unset one, else the checked request. */
  static Protocol protocol(Protocol p) {
    if (p.equals(Protocol.getDefaultInstance())) {
      return DEFAULT_PROTOCOL;
    }
    String statistic = p.getStatistic().isEmpty() ? "median" : p.getStatistic();
    check(STATISTICS.contains(statistic),
        "statistic must be one of median, mean, min, latbench: '" + statistic + "'");
    check(p.getWarmupRuns() >= 0 && p.getWarmupRuns() <= 100_000, "warmup_runs must be 0..100000");
    check(p.getWarmupNanos() >= 0 && p.getWarmupNanos() <= 600_000_000_000L,
        "warmup_nanos must be 0..600 s");
    check(p.getRunsPerRound() >= 1, "runs_per_round must be at least 1: " + p.getRunsPerRound());
    check(p.getMinRuns() >= 1, "min_runs must be at least 1: " + p.getMinRuns());
    check(p.getMaxRuns() >= p.getMinRuns() && p.getMaxRuns() <= 1_000_000,
        "max_runs must be min_runs.." + 1_000_000 + ": " + p.getMaxRuns());
    double halfWidth = p.getTargetHalfWidth();
    check(halfWidth >= 0 && halfWidth < 1, "target_half_width must be in [0, 1): " + halfWidth);
    check(p.getPauseNanos() >= 0 && p.getPauseNanos() <= 60_000_000_000L,
        "pause_nanos must be 0..60 s");
    return p.toBuilder().setStatistic(statistic).build();
  }

  /** Returns the network to use: the default for an unset one, else the checked request. */
  static NetworkOptions network(NetworkOptions n) {
    if (n.equals(NetworkOptions.getDefaultInstance())) {
      return DEFAULT_NETWORK;
    }
    new NetworkSpec(n.getResolution(), n.getInputChannels(), n.getChannels(),
        n.getCellsPerStage(), n.getClasses(), n.getBatch(),
        Precision.fromWireName(n.getPrecision())); // throws naming the field
    check(n.getResolution() <= 512, "resolution must be at most 512: " + n.getResolution());
    check(n.getInputChannels() <= 64, "input_channels must be at most 64");
    check(n.getChannels() <= 512, "channels must be at most 512: " + n.getChannels());
    check(n.getCellsPerStage() <= 32, "cells_per_stage must be at most 32");
    check(n.getClasses() <= 100_000, "classes must be at most 100000");
    check(n.getBatch() <= 1024, "batch must be at most 1024: " + n.getBatch());
    return n;
  }

  /**
   * Returns why a new campaign cannot go to its target, or null: a target measures one precision,
   * because a dataset (one per target) must not mix float32 and int8 latencies.
   *
   * @param created the new campaign
   * @param existing every stored campaign
   * @return the problem, or null
   */
  static String precisionConflict(CampaignRow created, List<CampaignRow> existing) {
    Precision wanted = precision(created);
    for (CampaignRow other : existing) {
      if (other.target().equals(created.target()) && precision(other) != wanted) {
        return "target " + Names.printable(created.target()) + " measures " + precision(other)
            + " networks (campaign " + other.id() + "); " + wanted
            + " latencies would mix into its dataset: use another target name";
      }
    }
    return null;
  }

  private static Precision precision(CampaignRow row) {
    return Precision.fromWireName(Rows.network(row).getPrecision());
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
