package dev.latlab.cli.remote;

import dev.latlab.cli.UserException;

/** Validates a HOST:PORT address before gRPC sees it, for a clear one-line error. */
final class HostPort {
  private HostPort() {}

  static void parse(String address) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw new UserException("collector address '" + address + "' must look like HOST:PORT");
    }
    try {
      int port = Integer.parseInt(address.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new UserException("collector port must be 1..65535: " + port);
      }
    } catch (NumberFormatException e) {
      throw new UserException("collector address '" + address + "': port is not a number", e);
    }
  }
}
