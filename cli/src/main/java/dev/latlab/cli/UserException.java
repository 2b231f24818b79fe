package dev.latlab.cli;

/**
 * A failure caused by the user's input (a file that cannot be written, a bad value): reported as one
 * line and exit status 2, never with a stack trace.
 */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line that names the problem
   */
  public UserException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause (kept for debugging, not shown to the user).
   *
   * @param message one line that names the problem
   * @param cause the underlying failure
   */
  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
