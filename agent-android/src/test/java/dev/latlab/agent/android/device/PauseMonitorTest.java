package dev.latlab.agent.android.device;

import static dev.latlab.agent.android.device.Phones.phone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PauseMonitorTest {
  private final Deque<DeviceState> states = new ArrayDeque<>();
  private final List<String> changes = new ArrayList<>();
  private final List<DeviceState> reads = new ArrayList<>();
  private final List<Long> sleeps = new ArrayList<>();
  private final PauseMonitor monitor = new PauseMonitor(this::next, PausePolicy.DEFAULT,
      new PauseMonitor.Listener() {
        @Override
        public void stateRead(DeviceState state) {
          reads.add(state);
        }

        @Override
        public void pauseChanged(String reason) {
          changes.add(reason);
        }
      }, sleeps::add, 1_000);

  private DeviceState next() {
    if (states.isEmpty()) {
      throw new IllegalStateException("battery service unavailable");
    }
    return states.size() == 1 ? states.peek() : states.poll();
  }

  @Test
  void awaitResumed_hotThenCool_sleepsWhileHotAndReportsBothChanges()
      throws InterruptedException {
    states.add(phone(80, false, ThermalStatus.SEVERE));
    states.add(phone(80, false, ThermalStatus.SEVERE));
    states.add(phone(80, false, ThermalStatus.MODERATE));

    monitor.awaitResumed();

    assertThat(sleeps).containsExactly(1_000L, 1_000L);
    assertThat(changes).containsExactly("thermal status severe", "");
    assertThat(reads).hasSize(3);
    assertThat(monitor.lastState().thermal()).isEqualTo(ThermalStatus.MODERATE);
  }

  @Test
  void awaitResumed_fine_returnsWithoutSleepingOrReporting() throws InterruptedException {
    states.add(Phones.fine());

    monitor.awaitResumed();

    assertThat(sleeps).isEmpty();
    assertThat(changes).isEmpty();
  }

  @Test
  void check_sourceFails_keepsPreviousPause() {
    states.add(phone(10, false, ThermalStatus.NONE));
    assertThat(monitor.check()).isEqualTo("battery 10 % and not charging");
    states.clear();

    assertThat(monitor.check()).isEqualTo("battery 10 % and not charging");
    assertThat(changes).containsExactly("battery 10 % and not charging");
  }

  @Test
  void check_sameReasonTwice_reportsOnce() {
    states.add(phone(80, true, ThermalStatus.CRITICAL));

    monitor.check();
    monitor.check();

    assertThat(changes).containsExactly("thermal status critical");
    assertThat(reads).hasSize(2);
  }
}
