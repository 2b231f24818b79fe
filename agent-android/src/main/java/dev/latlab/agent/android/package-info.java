/**
 * The Android app: the settings and status screen ({@link dev.latlab.agent.android.StatusActivity}),
 * the foreground service that measures with the screen off ({@link
 * dev.latlab.agent.android.MeasurementService}), and the readers of what only Android tells
 * (battery, thermal status, Build). Glue only: the logic lives in {@code .session}, {@code .device}
 * and {@code .tflite}, which are plain Java tested on the JVM.
 */
package dev.latlab.agent.android;
