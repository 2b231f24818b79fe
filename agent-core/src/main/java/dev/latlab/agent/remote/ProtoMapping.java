package dev.latlab.agent.remote;

import dev.latlab.agent.Environment;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.LatencyStatistics;
import dev.latlab.agent.Measurement;
import dev.latlab.agent.MeasurementProtocol;
import dev.latlab.agent.Statistic;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.Precision;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;
import dev.latlab.proto.v1.Round;
import dev.latlab.proto.v1.Statistics;
import dev.latlab.proto.v1.TargetDescription;
import java.util.StringJoiner;

/**
 * Converts between the wire format ({@code latlab.v1}) and the measurement engine's values. The
 * weight seed is part of {@link MeasurementProtocol} in the engine but of {@link NetworkOptions} on
 * the wire (it shapes the network, not the timing), so the protocol conversions take or drop it.
 * Round trips preserve every field, hence {@link MeasurementProtocol#identity()} and {@link
 * NetworkSpec#identity()}.
 */
public final class ProtoMapping {
  private ProtoMapping() {}

  /**
   * Returns the engine's protocol for a wire protocol and the network's weight seed.
   *
   * @param protocol the wire protocol; {@code statistic} is one of median, mean, min, latbench
   * @param weightSeed {@link NetworkOptions#getWeightSeed()} of the job
   * @return the protocol
   * @throws IllegalArgumentException naming the field if a value is invalid
   */
  public static MeasurementProtocol toMeasurementProtocol(Protocol protocol, long weightSeed) {
    return new MeasurementProtocol(protocol.getWarmupRuns(), protocol.getWarmupNanos(),
        protocol.getRunsPerRound(), protocol.getMinRuns(), protocol.getMaxRuns(),
        protocol.getTargetHalfWidth(), protocol.getPauseNanos(),
        Statistic.fromCliName(protocol.getStatistic()), protocol.getInputSeed(), weightSeed);
  }

  /**
   * Returns the wire form of a protocol, without its weight seed (see {@link #toNetworkOptions}).
   *
   * @param protocol the protocol
   * @return the wire protocol
   */
  public static Protocol toProto(MeasurementProtocol protocol) {
    return Protocol.newBuilder()
        .setWarmupRuns(protocol.warmupRuns())
        .setWarmupNanos(protocol.warmupNanos())
        .setRunsPerRound(protocol.runsPerRound())
        .setMinRuns(protocol.minRuns())
        .setMaxRuns(protocol.maxRuns())
        .setTargetHalfWidth(protocol.targetHalfWidth())
        .setPauseNanos(protocol.pauseNanos())
        .setStatistic(protocol.statistic().cliName())
        .setInputSeed(protocol.inputSeed())
        .build();
  }

  /**
   * Returns the network skeleton of wire network options (the weight seed is read separately). An
   * empty precision is float32.
   *
   * @param network the options
   * @return the spec
   * @throws IllegalArgumentException naming the field if a value is invalid
   */
  public static NetworkSpec toNetworkSpec(NetworkOptions network) {
    return new NetworkSpec(network.getResolution(), network.getInputChannels(),
        network.getChannels(), network.getCellsPerStage(), network.getClasses(),
        network.getBatch(), Precision.fromWireName(network.getPrecision()));
  }

  /**
   * Returns the wire form of a network skeleton and its weight seed.
   *
   * @param spec the skeleton
   * @param weightSeed seed of the weights, e.g. {@link MeasurementProtocol#weightSeed()}
   * @return the options
   */
  public static NetworkOptions toNetworkOptions(NetworkSpec spec, long weightSeed) {
    return NetworkOptions.newBuilder()
        .setResolution(spec.resolution())
        .setInputChannels(spec.inputChannels())
        .setChannels(spec.channels())
        .setCellsPerStage(spec.cellsPerStage())
        .setClasses(spec.classes())
        .setBatch(spec.batch())
        .setWeightSeed(weightSeed)
        .setPrecision(spec.precision().cliName())
        .build();
  }

  /**
   * Returns the wire form of statistics.
   *
   * @param stats the statistics
   * @return the wire statistics
   */
  public static Statistics toStatistics(LatencyStatistics stats) {
    return Statistics.newBuilder()
        .setN(stats.n())
        .setMedianMs(stats.medianMillis())
        .setMeanMs(stats.meanMillis())
        .setStdMs(stats.stdMillis())
        .setMinMs(stats.minMillis())
        .setMaxMs(stats.maxMillis())
        .setP10Ms(stats.p10Millis())
        .setP90Ms(stats.p90Millis())
        .setMadMs(stats.madMillis())
        .setLatbenchMs(stats.latbenchMillis())
        .setCiHalfWidth(stats.medianCiHalfWidth())
        .build();
  }

  /**
   * Returns the result message of a job's measurement. The measurement time is the environment's
   * capture time (taken right after timing), or now if the measurement has no environment.
   *
   * @param job the assignment (job id and attempt)
   * @param m the measurement
   * @return the result
   */
  public static JobResult toJobResult(JobAssignment job, Measurement m) {
    Environment env = m.environment();
    JobResult.Builder result = JobResult.newBuilder()
        .setJobId(job.getJobId())
        .setAttempt(job.getAttempt())
        .setArchIndex(m.arch().index())
        .setLatencyMs(m.latencyMillis())
        .setStats(toStatistics(m.stats()))
        .setBackendIdentity(m.backend())
        .setProtocolIdentity(m.protocol())
        .setNetworkIdentity(m.spec().identity())
        .setDeviceFingerprint(env == null ? "" : env.fingerprint())
        .setEnvironmentJson(env == null ? "{}" : Json.write(env.toMap()))
        .setMeasuredAtUnixMs(
            env == null ? System.currentTimeMillis() : env.capturedAt().toEpochMilli())
        .setStoppedEarly(m.stoppedEarly())
        .setWallNanos(m.wallNanos());
    addRounds(result, m.samplesNanos());
    return result.build();
  }

  private static void addRounds(JobResult.Builder result, long[][] samplesNanos) {
    for (long[] round : samplesNanos) {
      Round.Builder r = result.addRoundsBuilder();
      for (long nanos : round) {
        r.addNanos(nanos);
      }
    }
  }

  /**
   * Describes the target an agent measures: the device (from its environment) and the backend.
   *
   * @param backend the agent's backend
   * @param env the machine's environment
   * @return the description; unknown values are empty
   */
  public static TargetDescription describe(InferenceBackend backend, Environment env) {
    return TargetDescription.newBuilder()
        .setDeviceFingerprint(env.fingerprint())
        .setDeviceModel(orEmpty(env.deviceModel()))
        .setCpuModel(orEmpty(env.cpuModel()))
        .setOs(joinKnown(env.osName(), env.osVersion(), env.osArch()))
        .setBackend(backend.name())
        .setBackendIdentity(backend.identity())
        .setThreads(backend.config().threads())
        .build();
  }

  private static String joinKnown(String... parts) {
    StringJoiner joined = new StringJoiner(" ");
    for (String part : parts) {
      if (part != null && !part.trim().isEmpty()) {
        joined.add(part);
      }
    }
    return joined.toString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
