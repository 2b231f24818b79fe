package dev.latlab.predictor.search;

/** Bad input to a search (a missing column, an impossible limit): its message is one line. */
public final class SearchInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line that names the problem
   */
  public SearchInputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message one line that names the problem
   * @param cause the underlying failure
   */
  public SearchInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
