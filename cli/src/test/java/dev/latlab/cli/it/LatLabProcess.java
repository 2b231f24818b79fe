package dev.latlab.cli.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.latlab.cli.LatLab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code latlab} command in a JVM of its own, started like {@code bin/latlab} but on the test
 * JVM's class path, with stdout and stderr in files named after it. {@link #close()} kills it if
 * it still runs, so a test that fails half-way leaves no process behind.
 */
final class LatLabProcess implements AutoCloseable {
  /** Exit status of a JVM ended by SIGKILL (128 + 9): what a crash looks like. */
  static final int SIGKILL_STATUS = 137;

  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private LatLabProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts {@code latlab ARGS...}.
   *
   * @param dir where {@code NAME.out} and {@code NAME.err} are written
   * @param name names the process in files and messages; unique within {@code dir}
   * @param args the command line after {@code latlab}
   * @return the running process
   */
  static LatLabProcess start(Path dir, String name, String... args) throws IOException {
    // The class path goes in an argument file: ONNX Runtime 1.29 overflows the 1 MiB stack of the
    // JVM's main thread (SIGSEGV, no hs_err file) when the process's command line is longer than
    // about 4 KB, and the test class path of ~/.m2 jars is longer. bin/latlab passes lib/*.
    Path argFile = Files.writeString(dir.resolve(name + ".jvm-args"),
        "-Xmx256m -cp \"" + System.getProperty("java.class.path") + "\"\n");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + argFile,
        LatLab.class.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("LATLAB_LOG", "INFO"); // the logs explain a failed IT
    return new LatLabProcess(name, builder.start(), out, err);
  }

  /**
   * Waits for a line of stdout that the pattern finds.
   *
   * @param pattern what to look for
   * @param timeout how long to wait
   * @return the match
   * @throws AssertionError with the process's output if it exits first or the time runs out
   */
  Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    // Checked before reading, so that a line written just before the process exited is seen.
    return Poll.until(name + " to print /" + pattern + "/", timeout,
        () -> process.isAlive() ? find(pattern) : foundOrFail(pattern), m -> true);
  }

  private Matcher find(Pattern pattern) {
    for (String line : read(stdout).split("\n")) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
    return null;
  }

  private Matcher foundOrFail(Pattern pattern) {
    Matcher m = find(pattern);
    if (m == null) {
      throw new AssertionError(name + " exited with status " + process.exitValue()
          + " before printing /" + pattern + "/\n" + output());
    }
    return m;
  }

  /**
   * Kills the process with SIGKILL, as a crash or {@code kill -9} would, and waits for it.
   *
   * @throws AssertionError if it does not die, or did not die of SIGKILL
   */
  void kill() throws InterruptedException {
    // On Linux, destroyForcibly() sends SIGKILL (destroy() sends SIGTERM); the status proves it.
    process.destroyForcibly();
    int status = await();
    if (status != SIGKILL_STATUS) {
      throw new AssertionError(name + " ended with status " + status + ", not by SIGKILL\n"
          + output());
    }
  }

  /**
   * Sends a signal with {@code kill -s}, e.g. STOP to freeze the process with its sockets open (a
   * hung device, or a network that silently drops packets) and CONT to thaw it.
   *
   * @param signal the signal's name without SIG
   */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
        .redirectErrorStream(true).start();
    if (!kill.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -s " + signal + " " + name + " failed: "
          + new String(kill.getInputStream().readAllBytes(), UTF_8));
    }
  }

  /**
   * Stops the process with SIGTERM (its shutdown hooks run) and waits for it.
   *
   * @return its exit status
   */
  int stop() throws InterruptedException {
    process.destroy();
    return await();
  }

  private int await() throws InterruptedException {
    if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still runs " + EXIT_TIMEOUT.toSeconds() + " s after "
          + "being told to stop\n" + output());
    }
    return process.exitValue();
  }

  /**
   * Returns whether the process is running.
   *
   * @return true until it has exited
   */
  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Returns everything the process wrote, for failure messages.
   *
   * @return stdout, then stderr, each under a heading
   */
  String output() {
    return "--- " + name + " stdout ---\n" + read(stdout) + "--- " + name + " stderr ---\n"
        + read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process if it still runs and waits for it; never throws. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
