package dev.latlab.collector.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a python3 script on a file, so that tests check output with the real Python readers. */
final class Python {
  private Python() {}

  /**
   * Runs {@code python3 -c script file args...} and returns its standard output. Skips the test
   * when python3 is absent; fails it when the script fails.
   */
  static String run(String script, Path file, String... args) throws Exception {
    Assumptions.assumeTrue(available(), "python3 is not installed");
    List<String> command = new ArrayList<>(List.of("python3", "-c", script, file.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(file.getParent(), "python", ".err");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("python3 finished").isTrue();
    assertThat(p.exitValue()).as("python3 failed: %s", Files.readString(err)).isZero();
    return out;
  }

  private static boolean available() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
