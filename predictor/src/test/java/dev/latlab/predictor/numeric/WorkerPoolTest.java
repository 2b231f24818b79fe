package dev.latlab.predictor.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
  @Test
  void forEach_runsEveryTaskExactlyOnce() {
    try (WorkerPool pool = WorkerPool.create(3)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(1000);
      for (int round = 0; round < 20; round++) {
        pool.forEach(1000, runs::incrementAndGet);
      }
      for (int i = 0; i < 1000; i++) {
        assertThat(runs.get(i)).isEqualTo(20);
      }
    }
  }

  @Test
  void forEach_taskThrows_rethrowsAfterOthersFinish() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(50);
      assertThatThrownBy(() -> pool.forEach(50, t -> {
        runs.incrementAndGet(t);
        if (t == 7) {
          throw new IllegalStateException("task 7");
        }
      })).isInstanceOf(IllegalStateException.class).hasMessage("task 7");
      int total = 0;
      for (int i = 0; i < 50; i++) {
        total += runs.get(i);
      }
      assertThat(total).isEqualTo(50);
    }
  }

  @Test
  void create_zeroThreads_isRejected() {
    assertThatThrownBy(() -> WorkerPool.create(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }
}
