package dev.latlab.agent.android;

import android.app.Application;
import android.content.pm.PackageManager;
import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.android.device.DeviceState;
import dev.latlab.agent.android.session.StatusBoard;
import dev.latlab.agent.android.tflite.InterpreterBackendProvider;
import java.util.function.Supplier;

/**
 * The app's process-wide parts: the status board the service writes and the screen reads, and the
 * factories of the backend and the device reader (which Robolectric tests replace, since the
 * TFLite Android library cannot load on the JVM).
 */
public class LatLabApp extends Application {
  private final StatusBoard board = new StatusBoard();

  /**
   * Returns the status board shared by the service and the screen.
   *
   * @return the board
   */
  public StatusBoard board() {
    return board;
  }

  /**
   * Creates the measuring backend: the TFLite Interpreter.
   *
   * @param config the configuration
   * @return the backend
   * @throws IllegalArgumentException if a setting is invalid
   * @throws IllegalStateException if TFLite or the delegate is unavailable on this phone
   */
  protected InferenceBackend createBackend(BackendConfig config) {
    return new InterpreterBackendProvider().create(config);
  }

  /**
   * Returns the reader of the phone's state.
   *
   * @return the reader
   */
  protected Supplier<DeviceState> deviceStates() {
    return new AndroidDeviceReader(this);
  }

  /**
   * Returns the app's version name, sent to the collector.
   *
   * @return e.g. {@code 0.1.0}, or {@code unknown}
   */
  String versionName() {
    try {
      String name = getPackageManager().getPackageInfo(getPackageName(), 0).versionName;
      return name == null ? "unknown" : name;
    } catch (PackageManager.NameNotFoundException e) {
      return "unknown";
    }
  }
}
