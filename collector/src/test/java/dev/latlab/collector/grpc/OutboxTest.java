package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The outbox against a fake call whose readiness the test controls. */
class OutboxTest {

  /** A call that records what it is given and fails the test on overlapping calls. */
  private static final class FakeCall extends ServerCallStreamObserver<String> {
    volatile boolean ready = true;
    final List<String> sent = new ArrayList<>();
    final AtomicInteger requested = new AtomicInteger();
    final AtomicBoolean inside = new AtomicBoolean();
    final AtomicBoolean overlapped = new AtomicBoolean();
    volatile Status end;

    @Override
    public void onNext(String value) {
      enter();
      sent.add(value);
      inside.set(false);
    }

    @Override
    public void onError(Throwable t) {
      enter();
      end = Status.fromThrowable(t);
      inside.set(false);
    }

    @Override
    public void onCompleted() {
      enter();
      end = Status.OK;
      inside.set(false);
    }

    private void enter() {
      if (!inside.compareAndSet(false, true)) {
        overlapped.set(true);
      }
    }

    @Override
    public boolean isReady() {
      return ready;
    }

    @Override
    public void request(int count) {
      requested.addAndGet(count);
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public void setOnCancelHandler(Runnable handler) {}

    @Override
    public void setCompression(String compression) {}

    @Override
    public void setOnReadyHandler(Runnable handler) {}

    @Override
    public void disableAutoInboundFlowControl() {}

    @Override
    public void setMessageCompression(boolean enable) {}
  }

  private final FakeCall call = new FakeCall();
  private final Outbox<String> outbox = new Outbox<>(call);

  @Test
  void send_whileNotReady_waitsForDrain() {
    call.ready = false;
    outbox.send("a");
    outbox.send("b");
    assertThat(call.sent).isEmpty();
    call.ready = true;
    outbox.drain();
    assertThat(call.sent).containsExactly("a", "b");
  }

  @Test
  void requestInbound_pastHighWater_isHeldUntilTheQueueShrinks() {
    call.ready = false;
    for (int i = 0; i < Outbox.HIGH_WATER; i++) {
      outbox.send("m" + i);
    }
    outbox.requestInbound();
    outbox.requestInbound();
    assertThat(call.requested).hasValue(0);
    call.ready = true;
    outbox.drain();
    assertThat(call.requested).hasValue(2);
    assertThat(call.sent).hasSize(Outbox.HIGH_WATER);
    outbox.requestInbound();
    assertThat(call.requested).hasValue(3);
  }

  @Test
  void close_ok_sendsQueuedMessagesFirst() {
    call.ready = false;
    outbox.send("a");
    outbox.close(Status.OK);
    outbox.send("late");
    assertThat(call.end).isNull();
    call.ready = true;
    outbox.drain();
    assertThat(call.sent).containsExactly("a");
    assertThat(call.end).isEqualTo(Status.OK);
  }

  @Test
  void close_error_dropsQueuedMessagesAndEndsAtOnce() {
    call.ready = false;
    outbox.send("a");
    outbox.close(Status.UNAVAILABLE.withDescription("bye"));
    assertThat(call.sent).isEmpty();
    assertThat(call.end.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(call.end.getDescription()).isEqualTo("bye");
    outbox.requestInbound();
    assertThat(call.requested).hasValue(0);
  }

  @Test
  void abandon_touchesNothing() {
    outbox.abandon();
    outbox.send("a");
    outbox.close(Status.OK);
    assertThat(call.sent).isEmpty();
    assertThat(call.end).isNull();
  }

  @Test
  void send_fromManyThreads_neverOverlapsAndLosesNothing() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      int thread = t;
      pool.execute(() -> {
        for (int i = 0; i < 2000; i++) {
          outbox.send(thread + ":" + i);
          if (i % 100 == 0) {
            call.ready = !call.ready;
            outbox.drain();
          }
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    call.ready = true;
    outbox.drain();
    assertThat(call.overlapped).isFalse();
    assertThat(call.sent).hasSize(16_000).doesNotHaveDuplicates();
  }
}
