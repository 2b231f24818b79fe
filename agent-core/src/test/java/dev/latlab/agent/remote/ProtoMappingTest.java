package dev.latlab.agent.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.agent.Measurement;
import dev.latlab.agent.MeasurementProtocol;
import dev.latlab.agent.Statistic;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.Precision;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;
import dev.latlab.proto.v1.TargetDescription;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ProtoMappingTest {
  static Stream<MeasurementProtocol> protocols() {
    return Stream.of(MeasurementProtocol.defaults(), MeasurementProtocol.latbenchFixed(),
        MeasurementProtocol.builder().warmupRuns(0).warmupNanos(123_456_789).runsPerRound(7)
            .adaptive(14, 700, 0.025).pauseNanos(5_000_000).statistic(Statistic.MEAN)
            .inputSeed(-9).weightSeed(Long.MAX_VALUE).build(),
        MeasurementProtocol.builder().statistic(Statistic.MIN).build());
  }

  @ParameterizedTest
  @MethodSource("protocols")
  void protocol_roundTrip_preservesEveryFieldAndIdentity(MeasurementProtocol p) throws Exception {
    Protocol wire = Protocol.parseFrom(ProtoMapping.toProto(p).toByteArray());
    MeasurementProtocol back = ProtoMapping.toMeasurementProtocol(wire, p.weightSeed());
    assertThat(back).isEqualTo(p);
    assertThat(back.identity()).isEqualTo(p.identity());
  }

  @Test
  void toProto_statistic_isTheCliName() {
    assertThat(ProtoMapping.toProto(MeasurementProtocol.latbenchFixed()).getStatistic())
        .isEqualTo("latbench");
  }

  @Test
  void toMeasurementProtocol_unknownStatistic_isRejected() {
    Protocol wire = ProtoMapping.toProto(MeasurementProtocol.defaults()).toBuilder()
        .setStatistic("p99").build();
    assertThatThrownBy(() -> ProtoMapping.toMeasurementProtocol(wire, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p99");
  }

  @Test
  void toMeasurementProtocol_emptyProtocol_isRejected() {
    assertThatThrownBy(() -> ProtoMapping.toMeasurementProtocol(Protocol.getDefaultInstance(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void network_roundTrip_preservesSpecAndSeed() throws Exception {
    NetworkSpec spec = NetworkSpec.builder().resolution(16).inputChannels(1).channels(8)
        .cellsPerStage(3).classes(120).batch(4).build();
    NetworkOptions wire =
        NetworkOptions.parseFrom(ProtoMapping.toNetworkOptions(spec, -5).toByteArray());
    assertThat(wire.getWeightSeed()).isEqualTo(-5);
    assertThat(ProtoMapping.toNetworkSpec(wire)).isEqualTo(spec);
    assertThat(ProtoMapping.toNetworkSpec(wire).identity()).isEqualTo(spec.identity());
  }

  @Test
  void network_int8RoundTrip_keepsPrecisionInSpecAndIdentity() throws Exception {
    NetworkSpec spec = NetworkSpec.CIFAR10.withPrecision(Precision.INT8);
    NetworkOptions wire =
        NetworkOptions.parseFrom(ProtoMapping.toNetworkOptions(spec, 0).toByteArray());

    assertThat(wire.getPrecision()).isEqualTo("int8");
    assertThat(ProtoMapping.toNetworkSpec(wire)).isEqualTo(spec);
    assertThat(ProtoMapping.toNetworkSpec(wire).identity()).endsWith(" precision=int8");
  }

  @Test
  void toNetworkSpec_precisionUnsetByOlderSender_isFp32() {
    NetworkOptions wire = ProtoMapping.toNetworkOptions(NetworkSpec.CIFAR10, 0).toBuilder()
        .clearPrecision().build();

    assertThat(ProtoMapping.toNetworkSpec(wire)).isEqualTo(NetworkSpec.CIFAR10);
  }

  @Test
  void toNetworkSpec_unknownPrecision_isRejectedNamingValidOnes() {
    NetworkOptions wire = ProtoMapping.toNetworkOptions(NetworkSpec.CIFAR10, 0).toBuilder()
        .setPrecision("int4").build();

    assertThatThrownBy(() -> ProtoMapping.toNetworkSpec(wire))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fp32 or int8");
  }

  @Test
  void toNetworkSpec_badResolution_isRejected() {
    NetworkOptions wire = ProtoMapping.toNetworkOptions(NetworkSpec.CIFAR10, 0).toBuilder()
        .setResolution(30).build();
    assertThatThrownBy(() -> ProtoMapping.toNetworkSpec(wire))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolution");
  }

  @Test
  void toJobResult_carriesJobStatsRoundsAndIdentities() {
    JobAssignment job = Fixtures.job("job-1", 3, 1234);
    Measurement m = Fixtures.measurement(job);
    JobResult r = ProtoMapping.toJobResult(job, m);
    assertThat(r.getJobId()).isEqualTo("job-1");
    assertThat(r.getAttempt()).isEqualTo(3);
    assertThat(r.getArchIndex()).isEqualTo(1234);
    assertThat(r.getLatencyMs()).isEqualTo(2.0);
    assertThat(r.getStats().getN()).isEqualTo(6);
    assertThat(r.getStats().getMedianMs()).isEqualTo(m.stats().medianMillis());
    assertThat(r.getStats().getLatbenchMs()).isEqualTo(m.stats().latbenchMillis());
    assertThat(r.getStats().getCiHalfWidth()).isEqualTo(m.stats().medianCiHalfWidth());
    assertThat(r.getRoundsList()).extracting(round -> round.getNanosList()).containsExactly(
        List.of(1_000_000L, 2_000_000L, 3_000_000L), List.of(2_000_000L, 2_000_000L, 2_500_000L));
    assertThat(r.getBackendIdentity()).isEqualTo("noop 0.0 threads=2");
    assertThat(r.getProtocolIdentity()).isEqualTo(Fixtures.PROTOCOL.identity());
    assertThat(r.getNetworkIdentity()).isEqualTo(NetworkSpec.CIFAR10.identity());
    assertThat(r.getDeviceFingerprint()).isEqualTo(Fixtures.ENVIRONMENT.fingerprint());
    assertThat(r.getEnvironmentJson()).isEqualTo(Json.write(Fixtures.ENVIRONMENT.toMap()));
    assertThat(r.getMeasuredAtUnixMs())
        .isEqualTo(Fixtures.ENVIRONMENT.capturedAt().toEpochMilli());
    assertThat(r.getStoppedEarly()).isFalse();
    assertThat(r.getWallNanos()).isEqualTo(12_345_678L);
  }

  @Test
  void describe_takesDeviceFromEnvironmentAndBackendIdentity() {
    TargetDescription d = ProtoMapping.describe(Fixtures.BACKEND, Fixtures.ENVIRONMENT);
    assertThat(d.getDeviceFingerprint()).isEqualTo(Fixtures.ENVIRONMENT.fingerprint());
    assertThat(d.getDeviceModel()).isEqualTo("Board ü");
    assertThat(d.getCpuModel()).isEqualTo("Fake CPU \"X\" @ 2.4GHz");
    assertThat(d.getOs()).isEqualTo("Linux 6.1.0 aarch64");
    assertThat(d.getBackend()).isEqualTo("noop");
    assertThat(d.getBackendIdentity()).isEqualTo("noop 0.0 threads=2");
    assertThat(d.getThreads()).isEqualTo(2);
  }
}
