package dev.latlab.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Console logging for the CLI: one line per record on stderr, WARNING and above unless {@code
 * LATLAB_LOG} names another level (e.g. {@code INFO}, {@code FINE}). A JUL config file given with
 * {@code -Djava.util.logging.config.file} takes precedence.
 */
final class Logging {
  private Logging() {}

  static void configure() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    System.setProperty("java.util.logging.SimpleFormatter.format", "latlab %4$s: %5$s%6$s%n");
    Level level = level(System.getenv("LATLAB_LOG"));
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    Handler console = new ConsoleHandler();
    console.setLevel(level);
    root.addHandler(console);
    root.setLevel(level);
  }

  private static Level level(String name) {
    try {
      return name == null ? Level.WARNING : Level.parse(name.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Level.WARNING;
    }
  }
}
