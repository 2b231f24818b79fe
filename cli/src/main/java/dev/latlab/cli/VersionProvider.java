package dev.latlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports LatLab's version (filtered in at build time), the JVM and the OS. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "latlab " + version(),
      "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
      "OS " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
          + System.getProperty("os.arch")
    };
  }

  /**
   * Returns LatLab's version.
   *
   * @return e.g. {@code 0.1.0-SNAPSHOT}
   */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
