package dev.latlab.cli.collector;

import dev.latlab.cli.UserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code latlab collector --report-heap} in a child JVM (same java, same class path), so that the
 * heap read from it is the collector's alone. Loopback, ephemeral port. Closing its stdin stops it.
 */
final class ForkedCollector implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("collector listening on \\S+:(\\d+) ");

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final int port;

  private ForkedCollector(Process process, BufferedReader out, int port) {
    this.process = process;
    this.out = out;
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.port = port;
  }

  /**
   * Starts the child and waits until it listens.
   *
   * @param tokenFile the token file the child reads, or null for none
   * @throws UserException if it cannot be started or does not come up
   */
  static ForkedCollector start(Path db, Path tokenFile) {
    try {
      Process process = new ProcessBuilder(command(db, tokenFile))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return new ForkedCollector(process, out, Integer.parseInt(m.group(1)));
        }
      }
      process.destroy();
      throw new UserException("the forked collector exited before listening");
    } catch (IOException e) {
      throw new UserException("cannot fork a collector: " + e.getMessage(), e);
    }
  }

  private static List<String> command(Path db, Path tokenFile) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED"); // as bin/latlab: SQLite is native
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "dev.latlab.cli.LatLab", "collector", "--db", db.toString(), "--port", "0",
        "--bind", "127.0.0.1", "--report-heap"));
    if (tokenFile != null) {
      command.addAll(List.of("--token-file", tokenFile.toString()));
    }
    return command;
  }

  /** Returns the port the child listens on. */
  int port() {
    return port;
  }

  /** Returns the child's process id (for jcmd, jstack). */
  long pid() {
    return process.pid();
  }

  /** Asks the child for its memory after a full GC. */
  HeapSample heapAfterGc() {
    try {
      in.write("heap\n");
      in.flush();
      String line = out.readLine();
      HeapSample sample = HeapProbe.parse(line, process.pid());
      if (sample == null) {
        throw new UserException("the forked collector answered '" + line + "' for its heap");
      }
      return sample;
    } catch (IOException | NumberFormatException e) {
      throw new UserException("cannot read the forked collector's heap: " + e.getMessage(), e);
    }
  }

  /** Closes the child's stdin, which stops it; kills it if it has not exited within 15 s. */
  @Override
  public void close() {
    try {
      in.close();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
