package dev.latlab.agent.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Durable file writes for the spool: temporary file, fsync, atomic rename, directory fsync. */
final class SpoolFiles {
  private static final Logger logger = Logger.getLogger(SpoolFiles.class.getName());

  private SpoolFiles() {}

  /**
   * Replaces a file's content so that a crash leaves either the old or the new content in place.
   *
   * @param target the file
   * @param bytes the new content
   * @throws IOException if writing, forcing or renaming fails (the temporary file is deleted)
   */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      move(tmp, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    forceDirectory(target.getParent());
  }

  /**
   * Lists a directory's entries that match a glob, sorted by name; never throws.
   *
   * @param dir the directory
   * @param glob e.g. {@code *.result}
   * @return the entries, empty if the directory cannot be read (logged)
   */
  static List<Path> list(Path dir, String glob) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
      entries.forEach(files::add);
    } catch (IOException | RuntimeException e) {
      logger.log(Level.WARNING, "Could not list the spool directory " + dir, e);
    }
    files.sort(null);
    return files;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void forceDirectory(Path dir) {
    // Makes the rename durable on Linux and Android; Windows cannot open a directory, and there the
    // rename is as durable as the file system makes it.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      logger.log(Level.FINE, "Cannot force the directory " + dir + " to disk", e);
    }
  }
}
