package dev.latlab.agent.remote;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.latlab.proto.v1.JobResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The results a collector has not yet acknowledged, one file per result in a directory: {@code
 * <jobId>-<attempt>.result} (characters of the job id outside {@code [A-Za-z0-9._-]} are written
 * {@code %XX}), holding the {@link JobResult} in length-delimited form ({@code writeDelimitedTo}),
 * so that a cut-off file is recognised. A result is written to a temporary file, forced to disk,
 * renamed into place atomically, and the directory is forced where the platform allows; so a result
 * that {@link #add} reported durable survives a crash or power loss.
 *
 * <p>Never throws once open: a result that cannot be written is kept in memory (and logged) until
 * it is removed; an unreadable, partial or mislabelled file, or a temporary file left by a crash,
 * is moved aside to {@code <name>.corrupt} with a warning. One agent per directory; thread-safe.
 */
public final class ResultSpool {
  private static final Logger logger = Logger.getLogger(ResultSpool.class.getName());
  private static final String SUFFIX = ".result";
  private static final String TEMP_SUFFIX = ".tmp";
  private static final String CORRUPT_SUFFIX = ".corrupt";
  private static final String AGENT_ID_FILE = "agent-id";
  private static final int MAX_UNWRITTEN = 1024;
  private static final Comparator<JobResult> OLDEST_FIRST =
      Comparator.comparingLong(JobResult::getMeasuredAtUnixMs)
          .thenComparing(JobResult::getJobId)
          .thenComparingInt(JobResult::getAttempt);

  private final Path dir;
  private final Object lock = new Object();

  @GuardedBy("lock")
  private final Map<String, JobResult> unwritten = new LinkedHashMap<>();

  private ResultSpool(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens a spool directory, creating it if needed, and moves aside temporary files a crash left.
   *
   * @param dir the directory
   * @return the spool
   * @throws IOException if the directory cannot be created
   */
  public static ResultSpool open(Path dir) throws IOException {
    Files.createDirectories(dir);
    ResultSpool spool = new ResultSpool(dir.toAbsolutePath());
    spool.setAsideTemporaryFiles();
    return spool;
  }

  /**
   * Returns the directory.
   *
   * @return the absolute path
   */
  public Path directory() {
    return dir;
  }

  /**
   * Returns the id of the agent that owns this directory: a random UUID created on first use and
   * kept in the file {@code agent-id}, so it survives restarts (see {@code Hello.agent_id}).
   *
   * @return the agent id
   * @throws IOException if the file cannot be read or written
   */
  public String agentId() throws IOException {
    Path file = dir.resolve(AGENT_ID_FILE);
    synchronized (lock) {
      if (Files.exists(file)) {
        String id = new String(Files.readAllBytes(file), UTF_8).trim();
        if (!id.isEmpty()) {
          return id;
        }
      }
      String id = UUID.randomUUID().toString();
      SpoolFiles.writeAtomically(file, (id + "\n").getBytes(UTF_8));
      return id;
    }
  }

  /**
   * Stores a result until {@link #remove} is called for its job and attempt; replaces an earlier
   * result of the same job and attempt.
   *
   * @param result the result
   * @return true if the result is on disk; false if writing failed (logged) and it is kept in
   *     memory only, so it is lost if the process dies before the collector acknowledges it
   */
  public boolean add(JobResult result) {
    String name = fileName(result.getJobId(), result.getAttempt());
    synchronized (lock) {
      try {
        SpoolFiles.writeAtomically(dir.resolve(name), delimited(result));
        unwritten.remove(name);
        return true;
      } catch (IOException | RuntimeException e) {
        logger.log(Level.WARNING, "Could not write result " + name + " to the spool " + dir
            + "; keeping it in memory until the collector acknowledges it", e);
        keepInMemory(name, result);
        return false;
      }
    }
  }

  /**
   * Deletes the result of a job attempt, once the collector has acknowledged or rejected it.
   *
   * @param jobId the job
   * @param attempt the attempt
   * @return true if there was such a result
   */
  public boolean remove(String jobId, int attempt) {
    String name = fileName(jobId, attempt);
    synchronized (lock) {
      boolean inMemory = unwritten.remove(name) != null;
      try {
        return Files.deleteIfExists(dir.resolve(name)) || inMemory;
      } catch (IOException e) {
        logger.log(Level.WARNING, "Could not delete acknowledged result " + name + " from " + dir
            + "; it will be sent again and acknowledged as a duplicate", e);
        return inMemory;
      }
    }
  }

  /**
   * Returns every stored result, oldest measurement first (then by job id and attempt). Files that
   * cannot be read are moved aside.
   *
   * @return a new list
   */
  public List<JobResult> pending() {
    List<JobResult> results = new ArrayList<>();
    synchronized (lock) {
      for (Path file : SpoolFiles.list(dir, "*" + SUFFIX)) {
        JobResult result = read(file);
        if (result != null) {
          results.add(result);
        }
      }
      results.addAll(unwritten.values());
    }
    results.sort(OLDEST_FIRST);
    return results;
  }

  /**
   * Returns the file name of a job attempt's result.
   *
   * @param jobId the job
   * @param attempt the attempt
   * @return e.g. {@code 3f2a-1.result}
   */
  // Visible for testing
  static String fileName(String jobId, int attempt) {
    StringBuilder name = new StringBuilder();
    for (byte b : jobId.getBytes(UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-') {
        name.append((char) c);
      } else {
        name.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return name.append('-').append(attempt).append(SUFFIX).toString();
  }

  /** Reads one result file; returns null (after moving it aside) if it is not a valid result. */
  @GuardedBy("lock")
  private JobResult read(Path file) {
    String name = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      JobResult result = JobResult.parseDelimitedFrom(in);
      if (result == null || in.read() != -1) {
        throw new IOException(result == null ? "empty file" : "bytes after the result");
      }
      if (!fileName(result.getJobId(), result.getAttempt()).equals(name)) {
        throw new IOException("holds job " + result.getJobId() + " attempt "
            + result.getAttempt() + ", not what its name says");
      }
      return result;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      setAside(file, e);
      return null;
    }
  }

  private void setAsideTemporaryFiles() {
    synchronized (lock) {
      for (Path file : SpoolFiles.list(dir, "*" + TEMP_SUFFIX)) {
        setAside(file, new IOException("temporary file left by an interrupted write"));
      }
    }
  }

  private static void setAside(Path file, Exception cause) {
    Path aside = file.resolveSibling(file.getFileName() + CORRUPT_SUFFIX);
    logger.log(Level.WARNING,
        "Spool file " + file + " is corrupt or partial; moving it aside to " + aside, cause);
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      logger.log(Level.WARNING, "Could not move aside " + file, e);
    }
  }

  @GuardedBy("lock")
  private void keepInMemory(String name, JobResult result) {
    unwritten.put(name, result);
    if (unwritten.size() > MAX_UNWRITTEN) {
      Iterator<String> oldest = unwritten.keySet().iterator();
      logger.severe("More than " + MAX_UNWRITTEN + " results could not be written to " + dir
          + "; dropping the oldest, " + oldest.next());
      oldest.remove();
    }
  }

  private static byte[] delimited(JobResult result) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(result.getSerializedSize() + 5);
    result.writeDelimitedTo(bytes);
    return bytes.toByteArray();
  }
}
