package dev.latlab.cli.remote;

import dev.latlab.cli.UserException;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Runs one client call and turns a failed status into one line for the user. */
public final class Rpc {
  private Rpc() {}

  /**
   * Runs a call.
   *
   * @param <T> the response type
   * @param address the collector's address, for the message
   * @param call the call, with its deadline already set
   * @return the response
   * @throws UserException with the status code and description if the call fails
   */
  public static <T> T call(String address, Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      String what = switch (e.getStatus().getCode()) {
        case UNAVAILABLE -> "collector " + address + " is unavailable";
        case DEADLINE_EXCEEDED -> "collector " + address + " did not answer in time";
        case UNAUTHENTICATED -> "collector " + address + " refused the token";
        default -> "collector " + address + " answered " + e.getStatus().getCode();
      };
      String detail = e.getStatus().getDescription();
      throw new UserException(detail == null ? what : what + ": " + detail, e);
    }
  }
}
