package dev.latlab.nb201;

/**
 * An architecture name that is malformed or out of range. The message names the problem (which token,
 * which position) in one line, fit to show a user as it is.
 */
public final class ArchFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  ArchFormatException(String message) {
    super(message);
  }
}
