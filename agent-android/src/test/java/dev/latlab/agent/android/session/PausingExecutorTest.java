package dev.latlab.agent.android.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.agent.android.device.DeviceState;
import dev.latlab.agent.android.device.PauseMonitor;
import dev.latlab.agent.android.device.PausePolicy;
import dev.latlab.agent.android.device.Phones;
import dev.latlab.agent.android.device.ThermalStatus;
import dev.latlab.proto.v1.JobAssignment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PausingExecutorTest {
  @Test
  void execute_lowBattery_waitsUntilChargingThenMeasures() throws InterruptedException {
    Deque<DeviceState> states = new ArrayDeque<>(List.of(
        Phones.phone(12, false, ThermalStatus.NONE), Phones.phone(12, false, ThermalStatus.NONE),
        Phones.phone(12, true, ThermalStatus.NONE)));
    List<String> events = new ArrayList<>();
    PauseMonitor monitor = new PauseMonitor(states::poll, PausePolicy.DEFAULT,
        new PauseMonitor.Listener() {
          @Override
          public void stateRead(DeviceState state) {}

          @Override
          public void pauseChanged(String reason) {
            events.add("pause:" + reason);
          }
        }, nanos -> events.add("sleep"), 5);
    PausingExecutor executor = new PausingExecutor(monitor,
        job -> events.add("start:" + job.getJobId()), job -> {
          events.add("measure:" + job.getJobId());
          return null;
        });

    executor.execute(JobAssignment.newBuilder().setJobId("j1").build());

    assertThat(events).containsExactly("pause:battery 12 % and not charging", "sleep", "sleep",
        "pause:", "start:j1", "measure:j1");
  }
}
