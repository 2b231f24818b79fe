package dev.latlab.cli.remote;

import dev.latlab.cli.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a bearer token from a file: tokens never appear on the command line (ps shows those). */
public final class TokenFile {
  private TokenFile() {}

  /**
   * Reads the token.
   *
   * @param file the token file, or null for no token
   * @return the token with surrounding whitespace removed, or null if {@code file} is null
   * @throws UserException if the file cannot be read or is empty
   */
  public static String read(Path file) {
    if (file == null) {
      return null;
    }
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (token.isEmpty() || token.contains("\n")) {
        throw new UserException("token file " + file + " must hold one non-empty line");
      }
      return token;
    } catch (IOException e) {
      throw new UserException("cannot read token file " + file + ": " + e.getMessage(), e);
    }
  }
}
