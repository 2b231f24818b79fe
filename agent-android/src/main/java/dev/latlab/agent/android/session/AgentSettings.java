package dev.latlab.agent.android.session;

import static java.util.Objects.requireNonNull;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.android.tflite.InterpreterSettings;
import dev.latlab.agent.android.tflite.TfliteDelegate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the person sets on the phone: where the collector is, the token, the target this phone
 * measures for, and the TFLite options (which are part of the target). Immutable and valid: {@link
 * #parse} is the one place text from the screen becomes settings, and names the field it rejects.
 *
 * @param host the collector's host name or address
 * @param port the collector's port
 * @param tls whether to use TLS (the system's trusted CAs)
 * @param token the bearer token, empty for none
 * @param target the target name, visible ASCII without spaces
 * @param threads the interpreter's CPU threads, 1 to 16
 * @param delegate where the graph runs
 * @param xnnpack XNNPACK or the built-in kernels on the CPU
 */
public record AgentSettings(String host, int port, boolean tls, String token, String target,
    int threads, TfliteDelegate delegate, boolean xnnpack) {
  /** Field names, also the keys the app stores the settings under. */
  public static final String COLLECTOR = "collector";
  /** See {@link #COLLECTOR}. */
  public static final String TLS = "tls";
  /** See {@link #COLLECTOR}. */
  public static final String TOKEN = "token";
  /** See {@link #COLLECTOR}. */
  public static final String TARGET = "target";
  /** See {@link #COLLECTOR}. */
  public static final String THREADS = "threads";
  /** See {@link #COLLECTOR}. */
  public static final String DELEGATE = "delegate";
  /** See {@link #COLLECTOR}. */
  public static final String XNNPACK = "xnnpack";

  private static final int MAX_THREADS = 16;
  private static final int MAX_TARGET = 128;

  /**
   * Validates every field.
   *
   * @throws InvalidSettingException naming the field
   */
  public AgentSettings {
    requireNonNull(delegate, "delegate");
    requireNonNull(token, "token");
    checkHost(host);
    check(port >= 1 && port <= 65535, COLLECTOR, "port must be 1..65535: " + port);
    checkToken(token);
    checkTarget(target);
    check(threads >= 1 && threads <= MAX_THREADS, THREADS,
        "threads must be 1.." + MAX_THREADS + ": " + threads);
  }

  /**
   * Parses the screen's fields. Missing optional fields take their defaults: no TLS, no token,
   * {@code cpu}, XNNPACK on, 4 threads.
   *
   * @param fields field name ({@link #COLLECTOR}, ...) to text
   * @return the settings
   * @throws InvalidSettingException naming the field and what is wrong with it
   */
  public static AgentSettings parse(Map<String, String> fields) {
    String[] hostPort = splitHostPort(text(fields, COLLECTOR));
    int port = integer(hostPort[1], COLLECTOR, "port");
    String delegate = text(fields, DELEGATE, "cpu").toLowerCase(Locale.ROOT);
    TfliteDelegate kind;
    try {
      kind = TfliteDelegate.fromSetting(delegate);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(DELEGATE, e.getMessage());
    }
    return new AgentSettings(hostPort[0], port, bool(fields, TLS), text(fields, TOKEN, ""),
        text(fields, TARGET), integer(text(fields, THREADS, "4"), THREADS, "threads"), kind,
        !"false".equals(text(fields, XNNPACK, "true")));
  }

  /**
   * Returns the fields {@link #parse} reads, as the app stores them.
   *
   * @return field name to text, in screen order
   */
  public Map<String, String> toFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(COLLECTOR, address());
    fields.put(TLS, Boolean.toString(tls));
    fields.put(TOKEN, token);
    fields.put(TARGET, target);
    fields.put(THREADS, Integer.toString(threads));
    fields.put(DELEGATE, delegate.settingValue());
    fields.put(XNNPACK, Boolean.toString(xnnpack));
    return fields;
  }

  /**
   * Returns the collector's address as typed, {@code host:port} ({@code [v6]:port} for IPv6).
   *
   * @return the address
   */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * Returns the backend configuration these settings ask for.
   *
   * @return the {@code tflite} configuration with threads, delegate and xnnpack
   */
  public BackendConfig backendConfig() {
    return new BackendConfig("tflite", threads,
        new InterpreterSettings(delegate, xnnpack).asMap());
  }

  /**
   * Suggests a target name for a phone and these TFLite options, e.g. {@code
   * google-pixel-7-tflite-cpu-4t}: one phone model with one configuration is one target.
   *
   * @param deviceName the phone's name, e.g. {@code Google Pixel 7}; null gives {@code android}
   * @param threads the threads
   * @param delegate the delegate
   * @return the name
   */
  public static String suggestTarget(String deviceName, int threads, TfliteDelegate delegate) {
    String device = deviceName == null ? "android"
        : deviceName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    return (device.isEmpty() ? "android" : device) + "-tflite-" + delegate.settingValue() + "-"
        + threads + "t";
  }

  private static String[] splitHostPort(String address) {
    String trimmed = address.trim();
    int colon = trimmed.lastIndexOf(':');
    check(colon > 0 && colon < trimmed.length() - 1, COLLECTOR,
        "collector must be HOST:PORT, e.g. 192.168.1.20:50051: '" + trimmed + "'");
    String host = trimmed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else {
      check(!host.contains(":"), COLLECTOR, "write an IPv6 address as [ADDRESS]:PORT");
    }
    return new String[] {host, trimmed.substring(colon + 1)};
  }

  private static void checkHost(String host) {
    check(host != null && !host.isEmpty(), COLLECTOR, "collector host is empty");
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      check(c > ' ' && c <= '~' && c != '/' && c != '[' && c != ']', COLLECTOR,
          "collector host has a character that cannot be in a host name: '" + host + "'");
    }
  }

  private static void checkToken(String token) {
    for (int i = 0; i < token.length(); i++) {
      check(token.charAt(i) > ' ' && token.charAt(i) <= '~', TOKEN,
          "token must be printable ASCII without spaces (character " + (i + 1) + ")");
    }
  }

  private static void checkTarget(String target) {
    check(target != null && !target.isEmpty(), TARGET, "target is required");
    check(target.length() <= MAX_TARGET, TARGET,
        "target is longer than " + MAX_TARGET + " characters");
    for (int i = 0; i < target.length(); i++) {
      check(target.charAt(i) > ' ' && target.charAt(i) <= '~', TARGET,
          "target must be visible ASCII without spaces: '" + target + "'");
    }
  }

  private static int integer(String text, String field, String what) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(field, what + " must be a whole number: '" + text + "'");
    }
  }

  private static boolean bool(Map<String, String> fields, String key) {
    return "true".equals(text(fields, key, "false"));
  }

  private static String text(Map<String, String> fields, String key) {
    String value = fields.get(key);
    check(value != null && !value.trim().isEmpty(), key, key + " is required");
    return value.trim();
  }

  private static String text(Map<String, String> fields, String key, String defaultValue) {
    String value = fields.get(key);
    return value == null || value.trim().isEmpty() ? defaultValue : value.trim();
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new InvalidSettingException(field, message);
    }
  }

  /** A field the settings cannot take; the screen shows the message at that field. */
  public static final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the field's key, e.g. {@link AgentSettings#COLLECTOR}
     * @param message what is wrong, in one line
     */
    public InvalidSettingException(String field, String message) {
      super(message);
      this.field = field;
    }

    /**
     * Returns the field's key.
     *
     * @return e.g. {@code collector}
     */
    public String field() {
      return field;
    }
  }
}
