package dev.latlab.agent.android;

import android.content.Context;
import android.content.Intent;
import android.content.IntentFilter;
import android.os.BatteryManager;
import android.os.Build;
import android.os.PowerManager;
import dev.latlab.agent.android.device.DeviceState;
import dev.latlab.agent.android.device.ThermalStatus;
import dev.latlab.agent.android.tflite.DelegateSupport;
import java.util.function.Supplier;

/**
 * Reads the phone's {@link DeviceState} from Android: {@code Build}, the sticky battery broadcast
 * and {@code PowerManager}'s thermal API (where the API level has them). Each read is a few binder
 * calls, cheap enough for every result and every periodic check.
 */
final class AndroidDeviceReader implements Supplier<DeviceState> {
  private static final int API_THERMAL_STATUS = 29;
  private static final int API_THERMAL_HEADROOM = 30;
  private static final int API_SOC = 31;
  private static final int API_NNAPI = 27;

  private final Context context;
  /** Asked once: it loads the GPU delegate's native library. */
  private volatile Boolean gpuDelegate;
  private volatile boolean gpuChecked;

  AndroidDeviceReader(Context context) {
    this.context = context.getApplicationContext();
  }

  @Override
  public DeviceState get() {
    Intent battery = context.registerReceiver(null,
        new IntentFilter(Intent.ACTION_BATTERY_CHANGED));
    PowerManager power = context.getSystemService(PowerManager.class);
    return new DeviceState(Build.MANUFACTURER, Build.MODEL, soc(), Build.HARDWARE,
        Build.VERSION.RELEASE, Build.VERSION.SDK_INT, batteryPercent(battery), charging(battery),
        batteryTemperature(battery), thermal(power), headroom(power), gpu(),
        Build.VERSION.SDK_INT >= API_NNAPI);
  }

  private static String soc() {
    if (Build.VERSION.SDK_INT < API_SOC) {
      return null;
    }
    String soc = (Build.SOC_MANUFACTURER + " " + Build.SOC_MODEL).replace("unknown", "").trim();
    return soc.isEmpty() ? null : soc;
  }

  private static int batteryPercent(Intent battery) {
    if (battery == null) {
      return -1;
    }
    int level = battery.getIntExtra(BatteryManager.EXTRA_LEVEL, -1);
    int scale = battery.getIntExtra(BatteryManager.EXTRA_SCALE, -1);
    return level < 0 || scale <= 0 ? -1 : Math.min(100, Math.round(100f * level / scale));
  }

  private static boolean charging(Intent battery) {
    if (battery == null) {
      return false;
    }
    int status = battery.getIntExtra(BatteryManager.EXTRA_STATUS, -1);
    // Full on the charger counts: the phone runs on mains power.
    return status == BatteryManager.BATTERY_STATUS_CHARGING
        || status == BatteryManager.BATTERY_STATUS_FULL;
  }

  private static double batteryTemperature(Intent battery) {
    int tenths = battery == null ? Integer.MIN_VALUE
        : battery.getIntExtra(BatteryManager.EXTRA_TEMPERATURE, Integer.MIN_VALUE);
    return tenths == Integer.MIN_VALUE ? Double.NaN : tenths / 10.0;
  }

  private static ThermalStatus thermal(PowerManager power) {
    if (power == null || Build.VERSION.SDK_INT < API_THERMAL_STATUS) {
      return ThermalStatus.UNKNOWN;
    }
    return ThermalStatus.fromPowerManager(power.getCurrentThermalStatus());
  }

  private static double headroom(PowerManager power) {
    if (power == null || Build.VERSION.SDK_INT < API_THERMAL_HEADROOM) {
      return Double.NaN;
    }
    float headroom = power.getThermalHeadroom(0);
    return Float.isNaN(headroom) ? Double.NaN : headroom;
  }

  private Boolean gpu() {
    if (!gpuChecked) {
      gpuDelegate = DelegateSupport.gpu();
      gpuChecked = true;
    }
    return gpuDelegate;
  }
}
