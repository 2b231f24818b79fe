package dev.latlab.agent.android;

import android.app.Service;
import android.content.Context;
import android.content.Intent;
import android.os.IBinder;
import android.os.PowerManager;
import android.util.Log;
import dev.latlab.agent.EnvironmentProbe;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.android.session.AgentRunner;
import dev.latlab.agent.android.session.AgentSettings;
import dev.latlab.agent.android.session.AgentStatus;
import dev.latlab.agent.android.session.StatusBoard;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Keeps the agent measuring with the screen off: a foreground service (its notification shows the
 * status) holding a partial wake lock while an {@link AgentRunner} runs. Starting and stopping run
 * on one background thread, never on the main thread (loading TFLite and closing the session can
 * take seconds). Stops itself when the agent cannot start or the collector refuses it.
 */
public final class MeasurementService extends Service {
  /** Starts measuring with the stored settings (also what a restart after a kill does). */
  public static final String ACTION_START = "dev.latlab.agent.android.action.START";
  /** Stops measuring. */
  public static final String ACTION_STOP = "dev.latlab.agent.android.action.STOP";

  private static final String TAG = "LatLabService";
  private static final Duration CHECK_EVERY = Duration.ofSeconds(15);
  private static final String WAKE_LOCK_TAG = "latlab:measuring";

  private final ExecutorService lifecycle = Executors.newSingleThreadExecutor();
  private final Consumer<AgentStatus> watcher = this::onStatus;
  private StatusBoard board;
  private PowerManager.WakeLock wakeLock;
  /** Touched only on the lifecycle thread. */
  private AgentRunner runner;

  /**
   * Starts the service in the foreground.
   *
   * @param context any context
   */
  public static void start(Context context) {
    context.startForegroundService(new Intent(context, MeasurementService.class)
        .setAction(ACTION_START));
  }

  /**
   * Asks the service to stop.
   *
   * @param context any context
   */
  public static void stop(Context context) {
    context.startService(new Intent(context, MeasurementService.class).setAction(ACTION_STOP));
  }

  @Override
  public void onCreate() {
    super.onCreate();
    board = ((LatLabApp) getApplication()).board();
    StatusNotifications.createChannel(this);
    board.watch(watcher);
  }

  @Override
  public int onStartCommand(Intent intent, int flags, int startId) {
    if (intent != null && ACTION_STOP.equals(intent.getAction())) {
      stopSelf();
      return START_NOT_STICKY;
    }
    if (!goForeground()) {
      stopSelf();
      return START_NOT_STICKY;
    }
    acquireWakeLock();
    lifecycle.execute(this::startRunner);
    // Restarted with a null intent after the system killed it: carries on with stored settings.
    return START_STICKY;
  }

  private boolean goForeground() {
    try {
      // targetSdk 33: no foreground service type is needed (see AndroidManifest.xml).
      startForeground(StatusNotifications.ID, StatusNotifications.of(this, board.current()));
      return true;
    } catch (IllegalStateException e) {
      // Android 12+ refuses a foreground start from the background, e.g. a sticky restart.
      Log.w(TAG, "Cannot run in the foreground now", e);
      board.update(s -> s.stopped("Android refused a foreground start; open the app to start"));
      return false;
    }
  }

  private void acquireWakeLock() {
    if (wakeLock == null) {
      PowerManager power = getSystemService(PowerManager.class);
      wakeLock = power.newWakeLock(PowerManager.PARTIAL_WAKE_LOCK, WAKE_LOCK_TAG);
      wakeLock.setReferenceCounted(false);
    }
    wakeLock.acquire(); // released in onDestroy; measuring has no natural time limit
  }

  private void startRunner() {
    if (runner != null) {
      return; // already measuring: a second start changes nothing
    }
    LatLabApp app = (LatLabApp) getApplication();
    AgentSettings settings = SettingsStore.load(this);
    if (settings == null) {
      board.update(s -> s.stopped("no valid settings saved"));
      return;
    }
    try {
      InferenceBackend backend = app.createBackend(settings.backendConfig());
      AgentRunner.Parts parts = new AgentRunner.Parts(backend,
          new File(getFilesDir(), "spool").toPath(), app.deviceStates(),
          EnvironmentProbe.system()::capture, app.versionName());
      runner = AgentRunner.start(settings, parts, board, CHECK_EVERY);
    } catch (Exception e) {
      Log.w(TAG, "The agent could not start", e);
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      board.update(s -> s.stopped("cannot start: " + why));
    }
  }

  private void onStatus(AgentStatus status) {
    StatusNotifications.update(this, status);
    if (!status.running() && !status.problem().isEmpty()) {
      stopSelf(); // the screen keeps the reason; nothing is left to keep awake
    }
  }

  @Override
  public void onDestroy() {
    board.unwatch(watcher);
    PowerManager.WakeLock lock = wakeLock;
    lifecycle.execute(() -> {
      if (runner != null) {
        runner.close();
        runner = null;
      }
      if (lock != null && lock.isHeld()) {
        lock.release();
      }
    });
    lifecycle.shutdown();
    super.onDestroy();
  }

  @Override
  public IBinder onBind(Intent intent) {
    return null;
  }
}
