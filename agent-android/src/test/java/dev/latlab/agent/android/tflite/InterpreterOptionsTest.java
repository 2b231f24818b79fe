package dev.latlab.agent.android.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensorflow.lite.Interpreter;

/**
 * What the phone's Interpreter is asked for, checked on the real TFLite Android classes (their
 * Options are plain Java; no native code runs).
 */
class InterpreterOptionsTest {
  @Test
  void of_cpuWithXnnpack_threadsAndXnnpackNoDelegate() {
    Interpreter.Options options =
        InterpreterOptions.of(4, new InterpreterSettings(TfliteDelegate.CPU, true));

    assertThat(options.getNumThreads()).isEqualTo(4);
    assertThat(options.getUseXNNPACK()).isTrue();
    assertThat(options.getUseNNAPI()).isFalse();
    assertThat(options.getDelegates()).isEmpty();
  }

  @Test
  void of_xnnpackFalse_turnsXnnpackOff() {
    Interpreter.Options options =
        InterpreterOptions.of(1, new InterpreterSettings(TfliteDelegate.GPU, false));

    assertThat(options.getUseXNNPACK()).isFalse();
    assertThat(options.getNumThreads()).isEqualTo(1);
  }
}
