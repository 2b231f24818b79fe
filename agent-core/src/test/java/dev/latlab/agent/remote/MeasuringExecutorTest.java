package dev.latlab.agent.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.agent.Measurement;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.proto.v1.JobAssignment;
import org.junit.jupiter.api.Test;

class MeasuringExecutorTest {
  private final JobExecutor executor = JobExecutor.measuring(Fixtures.BACKEND);

  @Test
  void execute_measuresTheJobsCellWithItsProtocolAndNetwork() throws InterruptedException {
    Measurement m = executor.execute(Fixtures.job("j", 1, 1234));
    assertThat(m.arch().index()).isEqualTo(1234);
    assertThat(m.protocol()).isEqualTo(Fixtures.PROTOCOL.identity());
    assertThat(m.spec()).isEqualTo(NetworkSpec.CIFAR10);
    assertThat(m.backend()).isEqualTo(Fixtures.BACKEND.identity());
    assertThat(m.runs()).isEqualTo(6);
  }

  @Test
  void execute_jobWithoutProtocol_fails() {
    JobAssignment job = Fixtures.job("j", 1, 1).toBuilder().clearProtocol().build();
    assertThatThrownBy(() -> executor.execute(job))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no protocol");
  }

  @Test
  void execute_archIndexOutOfRange_fails() {
    JobAssignment job = Fixtures.job("j", 1, 15625);
    assertThatThrownBy(() -> executor.execute(job))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15625");
  }
}
