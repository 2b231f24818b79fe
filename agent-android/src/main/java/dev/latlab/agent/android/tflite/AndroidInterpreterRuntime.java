package dev.latlab.agent.android.tflite;

import android.os.Build;
import java.nio.ByteBuffer;
import org.tensorflow.lite.Delegate;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.TensorFlowLite;
import org.tensorflow.lite.gpu.CompatibilityList;
import org.tensorflow.lite.gpu.GpuDelegate;
import org.tensorflow.lite.nnapi.NnApiDelegate;

/**
 * The TFLite Android library (AAR 2.16.1): {@link Interpreter}, with the GPU or NNAPI delegate.
 * Android-only: its native libraries are built for Android's libc. No test runs it here (no phone
 * or emulator is reachable); the backend code around it runs on the desktop interpreter in tests.
 */
final class AndroidInterpreterRuntime implements TfliteRuntime {
  /** NNAPI appeared in Android 8.1. */
  private static final int NNAPI_MIN_SDK = 27;

  @Override
  public String version() {
    try {
      return TensorFlowLite.runtimeVersion();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("the TFLite Android library cannot load on this device (ABIs "
          + String.join(", ", Build.SUPPORTED_ABIS) + ")", e);
    }
  }

  @Override
  public void checkAvailable(InterpreterSettings settings) {
    switch (settings.delegate()) {
      case GPU -> checkGpu();
      case NNAPI -> checkNnapi();
      case CPU -> {
        // Always there.
      }
    }
  }

  private static void checkGpu() {
    Boolean supported = DelegateSupport.gpu();
    if (supported == null) {
      throw new IllegalStateException("delegate=gpu: the GPU delegate library cannot load");
    }
    if (!supported) {
      throw new IllegalStateException(
          "delegate=gpu: TFLite's GPU compatibility list does not support this device");
    }
  }

  private static void checkNnapi() {
    if (Build.VERSION.SDK_INT < NNAPI_MIN_SDK) {
      throw new IllegalStateException(
          "delegate=nnapi needs Android 8.1 (API 27); this is API " + Build.VERSION.SDK_INT);
    }
  }

  @Override
  public TfliteSession open(ByteBuffer model, int threads, InterpreterSettings settings) {
    Interpreter.Options options = InterpreterOptions.of(threads, settings);
    AutoCloseableDelegate delegate = newDelegate(settings.delegate());
    if (delegate != null) {
      options.addDelegate(delegate.delegate());
    }
    try {
      return new InterpreterSession(new Interpreter(model, options), delegate);
    } catch (RuntimeException e) {
      if (delegate != null) {
        delegate.close();
      }
      throw new IllegalStateException("TFLite rejected the model (delegate="
          + settings.delegate().settingValue() + "): " + e.getMessage(), e);
    }
  }

  private static AutoCloseableDelegate newDelegate(TfliteDelegate kind) {
    return switch (kind) {
      case GPU -> {
        try (CompatibilityList list = new CompatibilityList()) {
          GpuDelegate gpu = new GpuDelegate(list.getBestOptionsForThisDevice());
          yield new AutoCloseableDelegate(gpu, gpu::close);
        }
      }
      case NNAPI -> {
        NnApiDelegate nnapi = new NnApiDelegate();
        yield new AutoCloseableDelegate(nnapi, nnapi::close);
      }
      case CPU -> null;
    };
  }

  /** A delegate with its close method (the delegate types share no closeable interface). */
  private record AutoCloseableDelegate(Delegate delegate, Runnable closer) {
    void close() {
      closer.run();
    }
  }

  /** An interpreter and the delegate it runs on; the interpreter is closed first. */
  private static final class InterpreterSession implements TfliteSession {
    private final Interpreter interpreter;
    private final AutoCloseableDelegate delegate;

    InterpreterSession(Interpreter interpreter, AutoCloseableDelegate delegate) {
      this.interpreter = interpreter;
      this.delegate = delegate;
    }

    @Override
    public int inputBytes() {
      return interpreter.getInputTensor(0).numBytes();
    }

    @Override
    public int outputBytes() {
      return interpreter.getOutputTensor(0).numBytes();
    }

    @Override
    public void run(ByteBuffer input, ByteBuffer output) {
      try {
        interpreter.run(input, output);
      } catch (RuntimeException e) {
        throw new IllegalStateException("TFLite Interpreter.run failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      interpreter.close();
      if (delegate != null) {
        delegate.close();
      }
    }
  }
}
