package dev.latlab.predictor.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Python pickle interpreter for plain data: dicts, lists, tuples, ints, floats, strings,
 * bytes, booleans and None, in protocols 0 to 5, plus {@code numpy} scalars (a pickled {@code
 * numpy.float64} is {@code scalar(dtype('f8'), 8 bytes)}), which numpy-based tools write as values.
 *
 * <p>No code runs: a {@code GLOBAL} is kept as a {@link Global} name and a {@code REDUCE} as a
 * {@link Call}; {@link #numpyScalar} decodes the one call LatBench files hold. Written by hand
 * because the format is small and no maintained Java library reads it.
 */
final class PickleReader {
  /** A module-level name a pickle refers to; never resolved. */
  record Global(String module, String name) {}

  /** A call the pickle asks for (REDUCE / NEWOBJ), with its state if BUILD set one. */
  static final class Call {
    final Global callable;
    final List<Object> args;
    Object state;

    Call(Global callable, List<Object> args) {
      this.callable = callable;
      this.args = args;
    }
  }

  private static final Object MARK = new Object();

  private final ByteBuffer in;
  private final Deque<Object> stack = new ArrayDeque<>();
  private final Map<Integer, Object> memo = new HashMap<>();

  private PickleReader(byte[] bytes) {
    this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Reads one pickled object.
   *
   * @param bytes the pickle
   * @return maps as {@link LinkedHashMap}, lists and tuples as {@link List} (tuples unmodifiable),
   *     ints as {@link Long}, floats as {@link Double}, strings, {@code byte[]}, {@link Boolean},
   *     {@link NullValue#NULL} for None, {@link Global} and {@link Call}
   * @throws IllegalArgumentException if the bytes are not a pickle this reader understands
   */
  static Object read(byte[] bytes) {
    try {
      return new PickleReader(bytes).run();
    } catch (java.nio.BufferUnderflowException | ClassCastException
        | java.util.NoSuchElementException e) {
      throw new IllegalArgumentException("not a valid pickle (truncated or malformed)", e);
    }
  }

  /**
   * Decodes a pickled numpy scalar of a float or int dtype, as numpy pickles {@code np.float64}.
   *
   * @param value a value from {@link #read}
   * @return the number, or null if {@code value} is not such a scalar
   */
  static Double numpyScalar(Object value) {
    if (!(value instanceof Call call) || !call.callable.name().equals("scalar")
        || !call.callable.module().startsWith("numpy") || call.args.size() != 2
        || !(call.args.get(0) instanceof Call dtype) || dtype.args.isEmpty()
        || !(dtype.args.get(0) instanceof String code)) {
      return null;
    }
    byte[] raw = bytesOf(call.args.get(1));
    if (raw == null) {
      return null;
    }
    ByteOrder order = dtype.state instanceof List<?> state && state.size() > 1
        && ">".equals(state.get(1)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer b = ByteBuffer.wrap(raw).order(order);
    return switch (code + "/" + raw.length) {
      case "f8/8" -> b.getDouble();
      case "f4/4" -> (double) b.getFloat();
      case "i8/8" -> (double) b.getLong();
      case "i4/4" -> (double) b.getInt();
      default -> null;
    };
  }

  /**
   * Returns pickled bytes: protocol 3+ writes them directly; protocol 2 writes {@code
   * _codecs.encode(text, 'latin1')}, whose characters are the bytes.
   */
  private static byte[] bytesOf(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof Call call && call.callable.equals(new Global("_codecs", "encode"))
        && call.args.size() == 2 && call.args.get(0) instanceof String text
        && "latin1".equals(call.args.get(1))) {
      return text.getBytes(StandardCharsets.ISO_8859_1);
    }
    return null;
  }

  private Object run() {
    while (true) {
      int op = in.get() & 0xff;
      switch (op) {
        case 0x80 -> in.get(); // PROTO n
        case 0x95 -> in.getLong(); // FRAME length: frames are only a read-ahead hint
        case '.' -> {
          return stack.pop();
        }
        case '(' -> {
          stack.push(MARK);
        }
        case '}' -> stack.push(new LinkedHashMap<>());
        case ']' -> stack.push(new ArrayList<>());
        case ')' -> stack.push(List.of());
        case 'd' -> stack.push(toMap(popMark()));
        case 'l' -> stack.push(new ArrayList<>(popMark()));
        case 't' -> stack.push(tuple(popMark()));
        case 0x85 -> stack.push(tuple(pop(1)));
        case 0x86 -> stack.push(tuple(pop(2)));
        case 0x87 -> stack.push(tuple(pop(3)));
        case 's' -> {
          Object value = stack.pop();
          Object key = stack.pop();
          dict().put(key, value);
        }
        case 'u' -> {
          List<Object> items = popMark();
          dict().putAll(toMap(items));
        }
        case 'a' -> {
          Object value = stack.pop();
          list().add(value);
        }
        case 'e' -> {
          List<Object> items = popMark();
          list().addAll(items);
        }
        case 'K' -> stack.push((long) (in.get() & 0xff));
        case 'M' -> stack.push((long) (in.getShort() & 0xffff));
        case 'J' -> stack.push((long) in.getInt());
        case 0x8a -> stack.push(longValue(in.get() & 0xff));
        case 0x8b -> stack.push(longValue(in.getInt()));
        case 'G' -> stack.push(ByteBuffer.wrap(bytes(8)).getDouble()); // big-endian
        case 'I' -> stack.push(textInt(line()));
        case 'L' -> stack.push(Long.parseLong(stripL(line())));
        case 'F' -> stack.push(Double.parseDouble(line()));
        case 'N' -> stack.push(NullValue.NULL);
        case 0x88 -> stack.push(Boolean.TRUE);
        case 0x89 -> stack.push(Boolean.FALSE);
        case 0x8c -> stack.push(utf8(in.get() & 0xff));
        case 'X' -> stack.push(utf8(in.getInt()));
        case 0x8d -> stack.push(utf8(Math.toIntExact(in.getLong())));
        case 'V' -> stack.push(line());
        case 'C' -> stack.push(bytes(in.get() & 0xff));
        case 'B' -> stack.push(bytes(in.getInt()));
        case 0x8e -> stack.push(bytes(Math.toIntExact(in.getLong())));
        case 'S' -> stack.push(unquote(line()));
        case 'U' -> stack.push(new String(bytes(in.get() & 0xff), StandardCharsets.ISO_8859_1));
        case 'T' -> stack.push(new String(bytes(in.getInt()), StandardCharsets.ISO_8859_1));
        case 'c' -> stack.push(new Global(line(), line()));
        case 0x93 -> {
          String name = (String) stack.pop();
          stack.push(new Global((String) stack.pop(), name));
        }
        case 'R', 0x81 -> {
          List<?> args = (List<?>) stack.pop();
          stack.push(new Call((Global) stack.pop(), new ArrayList<>(args)));
        }
        case 'b' -> {
          Object state = stack.pop();
          ((Call) stack.peek()).state = state;
        }
        case 'p' -> memo.put(Integer.parseInt(line()), stack.peek());
        case 'q' -> memo.put(in.get() & 0xff, stack.peek());
        case 'r' -> memo.put(in.getInt(), stack.peek());
        case 0x94 -> memo.put(memo.size(), stack.peek());
        case 'g' -> stack.push(memoGet(Integer.parseInt(line())));
        case 'h' -> stack.push(memoGet(in.get() & 0xff));
        case 'j' -> stack.push(memoGet(in.getInt()));
        case '0' -> stack.pop();
        case '2' -> stack.push(stack.peek());
        default -> throw new IllegalArgumentException(
            String.format("unsupported pickle opcode 0x%02x at byte %d", op, in.position() - 1));
      }
    }
  }

  /** Null cannot sit in an ArrayDeque; this stands for Python's None until the value is read. */
  enum NullValue {
    NULL
  }

  private List<Object> popMark() {
    List<Object> items = new ArrayList<>();
    while (stack.peek() != MARK) {
      items.add(0, stack.pop());
    }
    stack.pop();
    return items;
  }

  private List<Object> pop(int n) {
    Object[] items = new Object[n];
    for (int i = n - 1; i >= 0; i--) {
      items[i] = stack.pop();
    }
    return Arrays.asList(items);
  }

  private static List<Object> tuple(List<Object> items) {
    return java.util.Collections.unmodifiableList(new ArrayList<>(items));
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> dict() {
    return (Map<Object, Object>) stack.peek();
  }

  @SuppressWarnings("unchecked")
  private List<Object> list() {
    return (List<Object>) stack.peek();
  }

  private static Map<Object, Object> toMap(List<Object> items) {
    if (items.size() % 2 != 0) {
      throw new IllegalArgumentException("odd number of items for a dict");
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i += 2) {
      map.put(items.get(i), items.get(i + 1));
    }
    return map;
  }

  private Object memoGet(int key) {
    Object value = memo.get(key);
    if (value == null) {
      throw new IllegalArgumentException("pickle refers to memo entry " + key + " never stored");
    }
    return value;
  }

  private long longValue(int length) {
    byte[] little = bytes(length);
    if (length > 8) {
      throw new IllegalArgumentException("integer of " + length + " bytes is out of range");
    }
    long value = 0;
    for (int i = length - 1; i >= 0; i--) {
      value = (value << 8) | (little[i] & 0xff);
    }
    if (length > 0 && length < 8 && (little[length - 1] & 0x80) != 0) {
      value |= -1L << (8 * length);
    }
    return value;
  }

  private byte[] bytes(int length) {
    byte[] b = new byte[length];
    in.get(b);
    return b;
  }

  private String utf8(int length) {
    return new String(bytes(length), StandardCharsets.UTF_8);
  }

  private String line() {
    StringBuilder s = new StringBuilder();
    for (byte b = in.get(); b != '\n'; b = in.get()) {
      s.append((char) (b & 0xff));
    }
    return s.toString();
  }

  private static Object textInt(String text) {
    return switch (text) {
      case "00" -> Boolean.FALSE;
      case "01" -> Boolean.TRUE;
      default -> Long.parseLong(text);
    };
  }

  private static String stripL(String text) {
    return text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
  }

  private static String unquote(String text) {
    return text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
  }
}
