package dev.latlab.cli.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;

/** {@code latlab collector} in its own JVM, on loopback, with a SQLite file and a token file. */
final class CollectorProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("^collector listening on 127\\.0\\.0\\.1:(\\d+) .*, token required");
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final int SIGTERM_STATUS = 128 + 15;

  private final LatLabProcess process;
  private final int port;

  private CollectorProcess(LatLabProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a collector and waits until it listens.
   *
   * @param dir where the process's output goes
   * @param name the process's name, unique within {@code dir}
   * @param db the database
   * @param tokenFile the bearer token's file
   * @param port the port, or 0 for a free one (chosen by the collector: no race with others)
   * @return the listening collector
   */
  static CollectorProcess start(Path dir, String name, Path db, Path tokenFile, int port)
      throws IOException, InterruptedException {
    LatLabProcess process = LatLabProcess.start(dir, name, "collector", "--db", db.toString(),
        "--bind", "127.0.0.1", "--port", Integer.toString(port), "--token-file",
        tokenFile.toString());
    try {
      return new CollectorProcess(process,
          Integer.parseInt(process.awaitLine(LISTENING, STARTUP).group(1)));
    } catch (AssertionError | RuntimeException | InterruptedException e) {
      process.close();
      throw e;
    }
  }

  /**
   * Writes a token file as an operator would.
   *
   * @param dir the directory
   * @param seed seeds the token
   * @return the file
   */
  static Path newTokenFile(Path dir, long seed) throws IOException {
    byte[] secret = new byte[16];
    new Random(seed).nextBytes(secret);
    return Files.writeString(dir.resolve("token"), HexFormat.of().formatHex(secret) + "\n");
  }

  /** Returns the port it listens on. */
  int port() {
    return port;
  }

  /** Returns {@code 127.0.0.1:PORT}. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /** Crashes it with SIGKILL. */
  void kill() throws InterruptedException {
    process.kill();
  }

  /**
   * Stops it with SIGTERM: its shutdown hook ends the sessions and closes the database. The JVM
   * then exits with 143 (128 + SIGTERM), the status of a JVM stopped by SIGTERM even when its hooks
   * succeed; anything else is a failure.
   */
  void stop() throws InterruptedException {
    int status = process.stop();
    if (status != SIGTERM_STATUS) {
      throw new AssertionError("collector exited with status " + status + "\n" + output());
    }
  }

  /** Returns its output, for failure messages. */
  String output() {
    return process.output();
  }

  @Override
  public void close() {
    process.close();
  }
}
