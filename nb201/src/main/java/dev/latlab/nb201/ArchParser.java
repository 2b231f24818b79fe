package dev.latlab.nb201;

/** Parses the three names of a cell, with errors that say which token at which position is wrong. */
final class ArchParser {
  private static final int MAX_INDEX_DIGITS = 5;

  private ArchParser() {}

  static Arch parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ArchFormatException(
          "empty arch: expected an NB201 string, a 6-digit vector or an index 0..15624");
    }
    String s = text.strip();
    if (s.charAt(0) == '|') {
      return parseNb201String(s);
    }
    if (s.chars().allMatch(Character::isDigit)) {
      return s.length() == Arch.EDGES ? parseVector(s) : parseIndex(s);
    }
    throw new ArchFormatException(
        "cannot read arch '" + s + "': expected an NB201 string (starting with '|'), "
            + "a 6-digit vector of op ids 0..4 or an index 0..15624");
  }

  private static Arch parseVector(String s) {
    Op[] ops = new Op[Arch.EDGES];
    for (int i = 0; i < Arch.EDGES; i++) {
      int id = s.charAt(i) - '0';
      if (id > 4) {
        throw new ArchFormatException(
            "arch vector '" + s + "': digit '" + s.charAt(i) + "' at position " + (i + 1)
                + " is not an op id 0..4");
      }
      ops[i] = Op.fromId(id);
    }
    return Arch.of(ops);
  }

  private static Arch parseIndex(String s) {
    if (s.length() > MAX_INDEX_DIGITS) {
      throw new ArchFormatException(
          "arch '" + s + "' has " + s.length() + " digits: a vector has 6, an index is 0..15624");
    }
    return Arch.fromIndex(Integer.parseInt(s));
  }

  private static Arch parseNb201String(String s) {
    String[] nodes = s.split("\\+", -1);
    if (nodes.length != 3) {
      throw new ArchFormatException(
          "NB201 string '" + s + "' has " + nodes.length + " node groups separated by '+', expected 3");
    }
    Op[] ops = new Op[Arch.EDGES];
    int edge = 0;
    int offset = 0;
    for (int node = 1; node <= 3; node++) {
      String group = nodes[node - 1];
      String[] tokens = splitGroup(s, group, node, offset);
      for (int input = 0; input < node; input++) {
        ops[edge++] = parseToken(tokens[input], node, input, offset + position(group, input));
      }
      offset += group.length() + 1;
    }
    return Arch.of(ops);
  }

  private static String[] splitGroup(String s, String group, int node, int offset) {
    if (group.length() < 2 || group.charAt(0) != '|' || group.charAt(group.length() - 1) != '|') {
      throw new ArchFormatException(
          "NB201 string: node " + node + " group '" + group + "' at character " + (offset + 1)
              + " must be enclosed in '|'");
    }
    String[] tokens = group.substring(1, group.length() - 1).split("\\|", -1);
    if (tokens.length != node) {
      throw new ArchFormatException(
          "NB201 string: node " + node + " group '" + group + "' at character " + (offset + 1)
              + " has " + tokens.length + " edges, expected " + node);
    }
    return tokens;
  }

  private static Op parseToken(String token, int node, int input, int charPos) {
    String where = "NB201 string: token '" + token + "' (edge " + input + "->" + node
        + ", character " + charPos + ")";
    int tilde = token.indexOf('~');
    if (tilde < 0) {
      throw new ArchFormatException(where + " must look like op~" + input);
    }
    Op op = Op.fromNb201NameOrNull(token.substring(0, tilde));
    if (op == null) {
      throw new ArchFormatException(
          where + ": unknown op '" + token.substring(0, tilde)
              + "', expected none, skip_connect, nor_conv_1x1, nor_conv_3x3 or avg_pool_3x3");
    }
    if (!token.substring(tilde + 1).equals(Integer.toString(input))) {
      throw new ArchFormatException(
          where + ": input must be ~" + input + ", got ~" + token.substring(tilde + 1));
    }
    return op;
  }

  /** 1-based character position of token {@code input} inside a group, relative to the group. */
  private static int position(String group, int input) {
    int pos = 1;
    for (int i = 0; i < input; i++) {
      pos = group.indexOf('|', pos) + 1;
    }
    return pos + 1;
  }
}
