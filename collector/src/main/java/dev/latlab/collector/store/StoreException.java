package dev.latlab.collector.store;

/**
 * A storage operation failed: the database could not be opened, read or written, or a write broke
 * a constraint (for example a result for an unknown job). The message says what failed; the cause
 * is usually the driver's {@link java.sql.SQLException}.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates one with a cause.
   *
   * @param message what failed
   * @param cause why
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates one without a cause.
   *
   * @param message what failed
   */
  public StoreException(String message) {
    super(message);
  }
}
