package dev.latlab.agent;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the JVM's operating-system MXBean through reflection: Android has no {@code
 * java.lang.management}, and a direct reference would fail there when this class is verified or
 * first used.
 */
final class RuntimeBeans {
  private static final Logger logger = Logger.getLogger(RuntimeBeans.class.getName());

  private RuntimeBeans() {}

  /** Returns the one-minute load average, or NaN if unavailable (Windows, Android). */
  static double systemLoadAverage() {
    Object value = call("java.lang.management.OperatingSystemMXBean", "getSystemLoadAverage");
    return value instanceof Double load ? load : Double.NaN;
  }

  /** Returns the physical memory in bytes, or -1 if unavailable (Android, non-HotSpot JVMs). */
  static long totalMemorySize() {
    Object value = call("com.sun.management.OperatingSystemMXBean", "getTotalMemorySize");
    return value instanceof Long bytes && bytes > 0 ? bytes : -1;
  }

  private static Object call(String type, String method) {
    try {
      Object bean =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getOperatingSystemMXBean")
              .invoke(null);
      Class<?> beanType = Class.forName(type);
      return beanType.isInstance(bean) ? beanType.getMethod(method).invoke(bean) : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      logger.log(Level.FINE, "No " + type + "." + method, e);
      return null;
    }
  }
}
