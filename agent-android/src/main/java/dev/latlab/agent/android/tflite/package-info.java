/**
 * The TFLite Interpreter backend of the Android agent: settings (delegate, XNNPACK), the model in
 * direct buffers, and the {@link dev.latlab.agent.android.tflite.TfliteRuntime} it drives (the
 * TFLite Android library on a phone; the desktop interpreter in tests).
 */
package dev.latlab.agent.android.tflite;
