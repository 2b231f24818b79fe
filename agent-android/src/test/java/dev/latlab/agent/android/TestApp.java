package dev.latlab.agent.android;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.android.device.DeviceState;
import dev.latlab.agent.android.device.Phones;
import dev.latlab.agent.android.tflite.InterpreterBackendProvider;
import dev.latlab.agent.android.tflite.InterpreterSettings;
import dev.latlab.agent.android.tflite.TfliteRuntime;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The app under Robolectric. Two parts are swapped because they cannot run on the JVM: the TFLite
 * Android runtime (its native library is built for Android; a named fake that only reports a
 * version stands in, and no test here loads a model through it) and the device reader (Robolectric
 * has no thermal API; tests set the state).
 */
public final class TestApp extends LatLabApp {
  /** The phone state the reader returns; tests change it. */
  static final AtomicReference<DeviceState> STATE = new AtomicReference<>(Phones.fine());
  /** When set, creating the backend fails with this message (a phone without the runtime). */
  static final AtomicReference<String> BACKEND_FAILURE = new AtomicReference<>();

  @Override
  protected InferenceBackend createBackend(BackendConfig config) {
    return InterpreterBackendProvider.on(new FakePhoneRuntime()).create(config);
  }

  @Override
  protected Supplier<DeviceState> deviceStates() {
    return STATE::get;
  }

  /** Stands in for the TFLite Android library, which cannot load on the JVM. Named a fake. */
  private static final class FakePhoneRuntime implements TfliteRuntime {
    @Override
    public String version() {
      String failure = BACKEND_FAILURE.get();
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return "2.16.1-fake";
    }

    @Override
    public void checkAvailable(InterpreterSettings settings) {}

    @Override
    public TfliteSession open(ByteBuffer model, int threads, InterpreterSettings settings) {
      throw new UnsupportedOperationException("the fake phone runtime runs no model");
    }
  }
}
