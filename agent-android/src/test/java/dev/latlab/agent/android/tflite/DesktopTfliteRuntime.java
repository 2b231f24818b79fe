package dev.latlab.agent.android.tflite;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteVersion;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;

/**
 * The desktop TFLite interpreter (JavaCPP, linux-x86_64) behind the Android backend's runtime
 * port, for tests on the JVM, where the TFLite Android library's native code cannot load. It has
 * the CPU paths only (XNNPACK or the built-in kernels): asking it for the GPU or NNAPI fails the
 * way a phone without them does.
 */
public final class DesktopTfliteRuntime implements TfliteRuntime {
  @Override
  public String version() {
    return TfLiteVersion().getString() + "-desktop";
  }

  @Override
  public void checkAvailable(InterpreterSettings settings) {
    if (settings.delegate() != TfliteDelegate.CPU) {
      throw new IllegalStateException("delegate=" + settings.delegate().settingValue()
          + ": the desktop interpreter has neither GPU nor NNAPI");
    }
  }

  @Override
  public TfliteSession open(ByteBuffer model, int threads, InterpreterSettings settings) {
    checkAvailable(settings);
    return new DesktopSession(model, threads, settings.xnnpack());
  }

  /** One interpreter; owns its native objects, released in reverse order of creation. */
  private static final class DesktopSession implements TfliteSession {
    private final BytePointer bytes;
    private final FlatBufferModel flatBuffer;
    private final BuiltinOpResolver resolver;
    private final Interpreter interpreter;
    private final FloatPointer input;
    private final FloatPointer output;
    private final float[] scratchIn;
    private final float[] scratchOut;

    DesktopSession(ByteBuffer model, int threads, boolean xnnpack) {
      byte[] copy = new byte[model.remaining()];
      model.duplicate().get(copy);
      bytes = new BytePointer(copy);
      flatBuffer = FlatBufferModel.BuildFromBuffer(bytes, copy.length);
      if (flatBuffer == null || flatBuffer.isNull()) {
        throw new IllegalStateException("TFLite could not parse the model");
      }
      resolver = xnnpack ? new BuiltinOpResolver() : new BuiltinOpResolverWithoutDefaultDelegates();
      interpreter = new Interpreter((Pointer) null);
      try (InterpreterBuilder builder = new InterpreterBuilder(flatBuffer, resolver)) {
        check(builder.SetNumThreads(threads), "setting threads");
        check(builder.apply(interpreter), "building the interpreter");
      }
      check(interpreter.AllocateTensors(), "allocating tensors");
      input = interpreter.typed_input_tensor_float(0);
      output = interpreter.typed_output_tensor_float(0);
      scratchIn = new float[inputBytes() / 4];
      scratchOut = new float[outputBytes() / 4];
    }

    @Override
    public int inputBytes() {
      return (int) interpreter.input_tensor(0).bytes();
    }

    @Override
    public int outputBytes() {
      return (int) interpreter.output_tensor(0).bytes();
    }

    @Override
    public void run(ByteBuffer in, ByteBuffer out) {
      in.asFloatBuffer().get(scratchIn);
      input.put(scratchIn);
      check(interpreter.Invoke(), "invoking");
      output.get(scratchOut);
      out.asFloatBuffer().put(scratchOut);
    }

    @Override
    public void close() {
      interpreter.close();
      resolver.close();
      flatBuffer.close();
      bytes.close();
    }

    private static void check(int status, String step) {
      if (status != kTfLiteOk) {
        throw new IllegalStateException("TFLite failed " + step + ": status " + status);
      }
    }
  }
}
