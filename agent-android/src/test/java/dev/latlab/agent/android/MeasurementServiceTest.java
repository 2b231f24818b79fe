package dev.latlab.agent.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.Notification;
import android.app.NotificationManager;
import android.content.Context;
import android.content.Intent;
import android.os.PowerManager;
import dev.latlab.agent.android.device.Phones;
import dev.latlab.agent.android.device.ThermalStatus;
import dev.latlab.agent.android.session.AgentSettings;
import dev.latlab.agent.android.session.AgentStatus;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ServiceController;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowPowerManager;

/**
 * The foreground service: notification, wake lock, the agent's status, pausing, and stopping
 * itself with a reason. The agent it runs is real (collector client over OkHttp); its collector
 * address is a closed loopback port, so it keeps reconnecting, which is all these tests need.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 34, application = TestApp.class)
public class MeasurementServiceTest {
  private static final long TIMEOUT_MILLIS = 20_000;

  private final Context context = RuntimeEnvironment.getApplication();
  private final LatLabApp app = (LatLabApp) RuntimeEnvironment.getApplication();
  private ServiceController<MeasurementService> service;

  @Before
  public void setUp() throws Exception {
    TestApp.STATE.set(Phones.fine());
    TestApp.BACKEND_FAILURE.set(null);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SettingsStore.save(context, AgentSettings.parse(Map.of(
        "collector", "127.0.0.1:" + closedPort, "target", "robolectric-cpu-4t")));
  }

  @After
  public void tearDown() throws InterruptedException {
    if (service != null) {
      service.destroy();
      awaitStatus("the agent to stop", s -> !s.running());
    }
  }

  @Test
  public void start_validSettings_foregroundAwakeAndAgentRunning() throws InterruptedException {
    start(MeasurementService.ACTION_START);

    Notification notification = shadowOf(service.get()).getLastForegroundNotification();
    assertThat(notification).isNotNull();
    assertThat(shadowOf(notification).getContentTitle().toString()).startsWith("LatLab: ");
    PowerManager.WakeLock lock = ShadowPowerManager.getLatestWakeLock();
    assertThat(lock.isHeld()).isTrue();
    AgentStatus running = awaitStatus("connection attempts",
        s -> s.running() && s.problem().startsWith("UNAVAILABLE"));
    assertThat(running.backend())
        .isEqualTo("tflite 2.16.1-fake-android threads=4 delegate=cpu xnnpack=true");
    assertThat(running.device()).isEqualTo(Phones.fine());

    service.destroy();
    service = null;
    awaitStatus("stopped", s -> !s.running());
    awaitTrue("wake lock released", () -> !lock.isHeld());
  }

  @Test
  public void start_hotPhone_pausedInStatusAndNotification() throws InterruptedException {
    TestApp.STATE.set(Phones.phone(90, true, ThermalStatus.SEVERE));

    start(MeasurementService.ACTION_START);

    awaitStatus("paused", s -> s.pausedReason().equals("thermal status severe"));
    awaitTrue("notification says paused", () -> notificationTitle()
        .equals("LatLab: Paused: thermal status severe"));
  }

  @Test
  public void start_noSettings_stopsItselfSayingWhy() throws InterruptedException {
    context.getSharedPreferences("latlab-agent", Context.MODE_PRIVATE).edit().clear().commit();

    start(MeasurementService.ACTION_START);

    awaitStatus("refusal", s -> s.problem().equals("no valid settings saved"));
    awaitTrue("stopped itself", () -> shadowOf(service.get()).isStoppedBySelf());
  }

  @Test
  public void start_runtimeMissing_stopsItselfWithTheReason() throws InterruptedException {
    TestApp.BACKEND_FAILURE.set("the TFLite Android library cannot load on this device");

    start(MeasurementService.ACTION_START);

    AgentStatus s = awaitStatus("failure", st -> !st.problem().isEmpty());
    assertThat(s.problem())
        .isEqualTo("cannot start: the TFLite Android library cannot load on this device");
    awaitTrue("stopped itself", () -> shadowOf(service.get()).isStoppedBySelf());
  }

  @Test
  public void stopAction_stopsTheService() {
    start(MeasurementService.ACTION_STOP);

    assertThat(shadowOf(service.get()).isStoppedBySelf()).isTrue();
    assertThat(shadowOf(service.get()).getLastForegroundNotification()).isNull();
  }

  private void start(String action) {
    Intent intent = new Intent(context, MeasurementService.class).setAction(action);
    service = Robolectric.buildService(MeasurementService.class, intent).create()
        .startCommand(0, 1);
  }

  private String notificationTitle() {
    NotificationManager manager = context.getSystemService(NotificationManager.class);
    Notification n = shadowOf(manager).getNotification(StatusNotifications.ID);
    return n == null ? "" : shadowOf(n).getContentTitle().toString();
  }

  private AgentStatus awaitStatus(String what, Predicate<AgentStatus> done)
      throws InterruptedException {
    awaitTrue(what, () -> done.test(app.board().current()));
    return app.board().current();
  }

  private static void awaitTrue(String what, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
