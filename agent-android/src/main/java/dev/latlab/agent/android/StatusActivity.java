package dev.latlab.agent.android;

import android.app.Activity;
import android.graphics.Typeface;
import android.os.Build;
import android.os.Bundle;
import android.text.InputType;
import android.widget.Button;
import android.widget.CheckBox;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.RadioButton;
import android.widget.RadioGroup;
import android.widget.ScrollView;
import android.widget.TextView;
import dev.latlab.agent.android.session.AgentSettings;
import dev.latlab.agent.android.session.AgentSettings.InvalidSettingException;
import dev.latlab.agent.android.session.AgentStatus;
import dev.latlab.agent.android.session.StatusBoard;
import dev.latlab.agent.android.session.StatusText;
import dev.latlab.agent.android.tflite.TfliteDelegate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings and status screen: collector address, TLS, token, target and TFLite options, Start
 * and Stop, and the live status (current job, progress, last latencies, battery, temperature and
 * thermal status). Plain views built in code: no layouts, no resources, no AndroidX.
 */
public final class StatusActivity extends Activity {
  private static final int NOTIFICATION_PERMISSION_REQUEST = 1;
  private static final int PADDING = 24;
  /** The status view's tag; each field's tag is its settings key. */
  static final String STATUS_TAG = "status";

  private final Map<String, EditText> fields = new HashMap<>();
  private final Consumer<AgentStatus> watcher = s -> runOnUiThread(() -> render(s));
  private CheckBox tls;
  private CheckBox xnnpack;
  private RadioGroup delegates;
  private TextView status;
  private StatusBoard board;

  @Override
  protected void onCreate(Bundle saved) {
    super.onCreate(saved);
    board = ((LatLabApp) getApplication()).board();
    setContentView(buildViews());
    fill(SettingsStore.fields(this));
    askForNotifications();
  }

  @Override
  protected void onStart() {
    super.onStart();
    board.watch(watcher);
    render(board.current());
  }

  @Override
  protected void onStop() {
    board.unwatch(watcher);
    super.onStop();
  }

  /** Validates the fields; if they are valid, stores them and starts the service. */
  void onStartClicked() {
    if (board.current().running()) {
      // A running agent keeps its settings (they are its target); change them after Stop.
      status.setText("Already running; press Stop before changing settings\n"
          + StatusText.details(board.current(), SettingsStore.load(this)));
      return;
    }
    fields.values().forEach(f -> f.setError(null));
    AgentSettings settings;
    try {
      settings = AgentSettings.parse(readFields());
    } catch (InvalidSettingException e) {
      EditText field = fields.get(e.field());
      if (field != null) {
        field.setError(e.getMessage());
        field.requestFocus();
      }
      status.setText("Not started: " + e.getMessage());
      return;
    }
    SettingsStore.save(this, settings);
    MeasurementService.start(this);
  }

  /** Stops the service. */
  void onStopClicked() {
    MeasurementService.stop(this);
  }

  private Map<String, String> readFields() {
    Map<String, String> values = new HashMap<>();
    fields.forEach((key, field) -> values.put(key, field.getText().toString()));
    values.put(AgentSettings.TLS, Boolean.toString(tls.isChecked()));
    values.put(AgentSettings.XNNPACK, Boolean.toString(xnnpack.isChecked()));
    RadioButton chosen = delegates.findViewById(delegates.getCheckedRadioButtonId());
    values.put(AgentSettings.DELEGATE, chosen == null ? "cpu" : chosen.getText().toString());
    String target = values.get(AgentSettings.TARGET);
    if (target == null || target.trim().isEmpty()) {
      String threads = values.get(AgentSettings.THREADS);
      values.put(AgentSettings.TARGET, suggestedTarget(values.get(AgentSettings.DELEGATE),
          threads));
      fields.get(AgentSettings.TARGET).setText(values.get(AgentSettings.TARGET));
    }
    return values;
  }

  private String suggestedTarget(String delegate, String threads) {
    int n;
    try {
      n = Integer.parseInt(threads.trim());
    } catch (NumberFormatException e) {
      n = 4;
    }
    return AgentSettings.suggestTarget(Build.MANUFACTURER + " " + Build.MODEL, n,
        TfliteDelegate.fromSetting(delegate));
  }

  private void fill(Map<String, String> stored) {
    stored.forEach((key, value) -> {
      EditText field = fields.get(key);
      if (field != null) {
        field.setText(value);
      }
    });
    tls.setChecked("true".equals(stored.get(AgentSettings.TLS)));
    xnnpack.setChecked(!"false".equals(stored.get(AgentSettings.XNNPACK)));
    String delegate = stored.getOrDefault(AgentSettings.DELEGATE, "cpu");
    for (int i = 0; i < delegates.getChildCount(); i++) {
      RadioButton button = (RadioButton) delegates.getChildAt(i);
      button.setChecked(button.getText().toString().equals(delegate));
    }
  }

  private void render(AgentStatus s) {
    status.setText(StatusText.details(s, SettingsStore.load(this)));
  }

  private void askForNotifications() {
    // API 33+: without it the foreground notification is hidden (the service still runs).
    if (Build.VERSION.SDK_INT >= 33) {
      requestPermissions(new String[] {"android.permission.POST_NOTIFICATIONS"},
          NOTIFICATION_PERMISSION_REQUEST);
    }
  }

  private ScrollView buildViews() {
    LinearLayout column = new LinearLayout(this);
    column.setOrientation(LinearLayout.VERTICAL);
    column.setPadding(PADDING, PADDING, PADDING, PADDING);
    column.addView(label("LatLab agent: measures NB201 networks with TFLite for a collector"));
    addField(column, AgentSettings.COLLECTOR, "Collector (HOST:PORT)", InputType.TYPE_CLASS_TEXT
        | InputType.TYPE_TEXT_VARIATION_URI);
    tls = checkBox(column, "TLS");
    addField(column, AgentSettings.TOKEN, "Token", InputType.TYPE_CLASS_TEXT
        | InputType.TYPE_TEXT_VARIATION_PASSWORD);
    addField(column, AgentSettings.TARGET, "Target (empty: suggested from phone and options)",
        InputType.TYPE_CLASS_TEXT);
    addField(column, AgentSettings.THREADS, "Threads", InputType.TYPE_CLASS_NUMBER);
    column.addView(label("Delegate"));
    delegates = new RadioGroup(this);
    for (TfliteDelegate d : TfliteDelegate.values()) {
      RadioButton button = new RadioButton(this);
      button.setId(100 + d.ordinal());
      button.setText(d.settingValue());
      delegates.addView(button);
    }
    column.addView(delegates);
    xnnpack = checkBox(column, "XNNPACK on the CPU");
    column.addView(button("Start", v -> onStartClicked()));
    column.addView(button("Stop", v -> onStopClicked()));
    status = label("");
    status.setTag(STATUS_TAG);
    status.setTypeface(Typeface.MONOSPACE);
    column.addView(status);
    ScrollView scroll = new ScrollView(this);
    scroll.addView(column);
    return scroll;
  }

  private void addField(LinearLayout column, String key, String hint, int inputType) {
    column.addView(label(hint));
    EditText field = new EditText(this);
    field.setInputType(inputType);
    field.setSingleLine(true);
    field.setTag(key);
    fields.put(key, field);
    column.addView(field);
  }

  private CheckBox checkBox(LinearLayout column, String text) {
    CheckBox box = new CheckBox(this);
    box.setText(text);
    column.addView(box);
    return box;
  }

  private Button button(String text, android.view.View.OnClickListener onClick) {
    Button button = new Button(this);
    button.setText(text);
    button.setOnClickListener(onClick);
    return button;
  }

  private TextView label(String text) {
    TextView view = new TextView(this);
    view.setText(text);
    return view;
  }
}
