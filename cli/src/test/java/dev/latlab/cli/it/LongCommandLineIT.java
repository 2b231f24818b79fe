package dev.latlab.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime 1.29 overflows a 1 MB stack during start-up when the process's command line is a few
 * KB long, as it is for a JVM started with an explicit class path (IDEs, scripts): the backend
 * initialises it on a thread with a large stack. Without that the process dies with SIGSEGV (139).
 */
class LongCommandLineIT {
  @TempDir Path dir;

  @Test
  void measure_withExplicitLongClassPath_runsOnnxRuntime() throws Exception {
    String classPath = System.getProperty("java.class.path");
    assertThat(classPath.length()).as("the test needs a long command line").isGreaterThan(4096);
    Path log = dir.resolve("out.log");
    Process p = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classPath, "dev.latlab.cli.LatLab", "agent", "measure", "--arch", "0",
            "--fixed", "1x3", "--warmup-runs", "1", "--warmup-seconds", "0"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("latency");
  }
}
