package dev.latlab.agent.android.tflite;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.tensorflow.lite.gpu.CompatibilityList;

/** Which TFLite delegates this phone offers, for the device state and the status screen. */
public final class DelegateSupport {
  private static final Logger logger = Logger.getLogger(DelegateSupport.class.getName());

  private DelegateSupport() {}

  /**
   * Asks TFLite's GPU compatibility list whether the GPU delegate supports this device. Loads the
   * GPU delegate's native library, so call it once and keep the answer.
   *
   * @return the answer, or null if the library cannot load (not on Android, or a missing ABI)
   */
  public static Boolean gpu() {
    try (CompatibilityList list = new CompatibilityList()) {
      return list.isDelegateSupportedOnThisDevice();
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.FINE, "The GPU compatibility list cannot load", e);
      return null;
    }
  }
}
