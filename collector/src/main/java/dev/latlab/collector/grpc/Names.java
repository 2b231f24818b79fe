package dev.latlab.collector.grpc;

/** Checks of the identifiers agents and clients send; each returns a problem or null. */
final class Names {
  /** Longest agent id or target accepted. */
  static final int MAX_LENGTH = 128;

  private Names() {}

  /** Returns why {@code target} is unacceptable, or null: 1..128 visible ASCII characters. */
  static String targetProblem(String target) {
    if (target.isEmpty()) {
      return "target is required";
    }
    if (target.length() > MAX_LENGTH) {
      return "target is longer than " + MAX_LENGTH + " characters";
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return "target must be visible ASCII without spaces: '" + printable(target) + "'";
      }
    }
    return null;
  }

  /** Returns why {@code agentId} is unacceptable, or null: 1..128 characters, no control chars. */
  static String agentIdProblem(String agentId) {
    if (agentId.isEmpty()) {
      return "agent_id is required";
    }
    if (agentId.length() > MAX_LENGTH) {
      return "agent_id is longer than " + MAX_LENGTH + " characters";
    }
    if (agentId.chars().anyMatch(Character::isISOControl)) {
      return "agent_id contains control characters";
    }
    return null;
  }

  /** Returns {@code text} with control characters replaced, cut to 128 chars, for messages. */
  static String printable(String text) {
    String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
