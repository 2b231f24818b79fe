package dev.latlab.agent.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;
import android.widget.TextView;
import dev.latlab.agent.android.device.Phones;
import dev.latlab.agent.android.device.ThermalStatus;
import java.util.ArrayList;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowLooper;

/** The screen: settings validated at the field, stored, the service started, status shown. */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 34, application = TestApp.class)
public class StatusActivityTest {
  private final ActivityController<StatusActivity> controller =
      Robolectric.buildActivity(StatusActivity.class).setup();
  private final StatusActivity activity = controller.get();

  @After
  public void tearDown() {
    controller.pause().stop().destroy();
  }

  @Test
  public void start_validFields_savesThemAndStartsTheService() {
    field("collector").setText("192.168.1.20:50051");
    field("target").setText("pixel7-cpu-4t");
    field("threads").setText("2");

    click("Start");

    SharedPreferences prefs = activity.getSharedPreferences("latlab-agent", Context.MODE_PRIVATE);
    assertThat(prefs.getString("collector", null)).isEqualTo("192.168.1.20:50051");
    assertThat(prefs.getString("threads", null)).isEqualTo("2");
    assertThat(prefs.getString("delegate", null)).isEqualTo("cpu");
    Intent started = shadowOf(RuntimeEnvironment.getApplication())
        .getNextStartedService();
    assertThat(started.getComponent().getClassName())
        .isEqualTo(MeasurementService.class.getName());
    assertThat(started.getAction()).isEqualTo(MeasurementService.ACTION_START);
  }

  @Test
  public void start_badCollector_errorAtTheFieldAndNothingStarted() {
    field("collector").setText("192.168.1.20");
    field("target").setText("pixel7");

    click("Start");

    assertThat(field("collector").getError().toString()).contains("HOST:PORT");
    assertThat(status().getText().toString()).startsWith("Not started: collector must be");
    assertThat(shadowOf(RuntimeEnvironment.getApplication())
        .getNextStartedService()).isNull();
    assertThat(activity.getSharedPreferences("latlab-agent", Context.MODE_PRIVATE).getAll())
        .isEmpty();
  }

  @Test
  public void start_emptyTarget_suggestsOneFromPhoneAndOptions() {
    field("collector").setText("10.0.0.2:50051");
    field("threads").setText("1");

    click("Start");

    assertThat(field("target").getText().toString()).endsWith("-tflite-cpu-1t");
  }

  @Test
  public void status_boardChanges_screenShowsThem() {
    LatLabApp app = (LatLabApp) activity.getApplication();

    app.board().update(s -> s.started("tflite 2.16.1-android threads=4 delegate=cpu xnnpack=true")
        .connection(true, "").measuredOne(4.5)
        .device(Phones.phone(15, false, ThermalStatus.NONE))
        .paused("battery 15 % and not charging"));
    ShadowLooper.idleMainLooper();

    assertThat(status().getText().toString())
        .startsWith("Paused: battery 15 % and not charging")
        .contains("Last latencies: 4.500 ms")
        .contains("Battery: 15 %, not charging")
        .contains("Temperature: 31.5 °C (battery), thermal status none");
    app.board().update(s -> s.stopped(""));
  }

  @Test
  public void start_whileRunning_keepsTheRunningSettings() {
    LatLabApp app = (LatLabApp) activity.getApplication();
    app.board().update(s -> s.started("tflite 2.16.1-android threads=4 delegate=cpu xnnpack=true"));
    field("collector").setText("10.0.0.9:50051");
    field("target").setText("other");

    click("Start");

    assertThat(status().getText().toString())
        .startsWith("Already running; press Stop before changing settings");
    assertThat(shadowOf(RuntimeEnvironment.getApplication()).getNextStartedService()).isNull();
    assertThat(activity.getSharedPreferences("latlab-agent", Context.MODE_PRIVATE).getAll())
        .isEmpty();
    app.board().update(s -> s.stopped(""));
  }

  @Test
  public void recreate_storedSettings_fieldsFilledIn() {
    field("collector").setText("10.0.0.2:50051");
    field("target").setText("t1");
    click("Start");

    StatusActivity again = Robolectric.buildActivity(StatusActivity.class).setup().get();

    assertThat(((EditText) again.getWindow().getDecorView().findViewWithTag("collector"))
        .getText().toString()).isEqualTo("10.0.0.2:50051");
  }

  private EditText field(String key) {
    return activity.getWindow().getDecorView().findViewWithTag(key);
  }

  private TextView status() {
    return activity.getWindow().getDecorView().findViewWithTag(StatusActivity.STATUS_TAG);
  }

  private void click(String text) {
    ArrayList<View> found = new ArrayList<>();
    activity.getWindow().getDecorView().findViewsWithText(found, text,
        View.FIND_VIEWS_WITH_TEXT);
    for (View v : found) {
      if (v instanceof Button button) {
        button.performClick();
        return;
      }
    }
    throw new AssertionError("no button " + text);
  }
}
