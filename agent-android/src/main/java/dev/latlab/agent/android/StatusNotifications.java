package dev.latlab.agent.android;

import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import dev.latlab.agent.android.session.AgentStatus;
import dev.latlab.agent.android.session.StatusText;

/** The foreground service's notification: what the agent does, tapping opens the screen. */
final class StatusNotifications {
  static final int ID = 1;
  static final String CHANNEL = "latlab-agent";

  private StatusNotifications() {}

  /** Creates the channel (idempotent; channels exist from API 26, the app's minimum). */
  static void createChannel(Context context) {
    NotificationChannel channel = new NotificationChannel(CHANNEL, "Measuring",
        NotificationManager.IMPORTANCE_LOW); // no sound on every job
    channel.setDescription("Shows what the LatLab agent measures while it runs");
    context.getSystemService(NotificationManager.class).createNotificationChannel(channel);
  }

  /** Builds the notification for a status. */
  static Notification of(Context context, AgentStatus status) {
    Intent open = new Intent(context, StatusActivity.class)
        .addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP);
    PendingIntent tap = PendingIntent.getActivity(context, 0, open,
        PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT);
    return new Notification.Builder(context, CHANNEL)
        .setSmallIcon(android.R.drawable.stat_notify_sync)
        .setContentTitle("LatLab: " + StatusText.headline(status))
        .setContentText(StatusText.progress(status) + " | last " + StatusText.latencies(status))
        .setOngoing(true)
        .setOnlyAlertOnce(true)
        .setContentIntent(tap)
        .build();
  }

  /** Replaces the shown notification. */
  static void update(Context context, AgentStatus status) {
    context.getSystemService(NotificationManager.class).notify(ID, of(context, status));
  }
}
